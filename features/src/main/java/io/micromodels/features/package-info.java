/**
 * Public types of the features module: events, validation, client configuration, featurizer specs.
 */
package io.micromodels.features;
