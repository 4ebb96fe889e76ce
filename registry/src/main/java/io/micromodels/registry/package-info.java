/** Artifacts, manifests, the registry index, promote and rollback (issue 6). */
package io.micromodels.registry;
