/** Micromodels, combiner and trainer configs (issue 4). */
package io.micromodels.training;
