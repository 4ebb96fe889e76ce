/** The picocli command line: parses arguments into config records and calls the jobs. */
package io.micromodels.jobs.cli;
