package io.micromodels.jobs.sample;

/** A payment card as the event log sees it. */
record Card(String fingerprint, String type, String bin, String country) {}
