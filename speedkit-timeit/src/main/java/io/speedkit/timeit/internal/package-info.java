/** Implementation details of speedkit-timeit: not API, may change in any release. */
package io.speedkit.timeit.internal;
