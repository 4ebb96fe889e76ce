/** Job entry points that wire the modules together. */
package io.micromodels.jobs;
