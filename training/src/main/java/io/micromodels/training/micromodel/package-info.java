/**
 * Micromodel types and their registry: a type turns a config spec (and training rows, when its
 * featurizer has fitted state) into a featurizer; {@link
 * io.micromodels.training.micromodel.MicromodelTypes} finds every registered type. Plain Java.
 */
package io.micromodels.training.micromodel;
