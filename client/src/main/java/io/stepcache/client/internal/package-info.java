/**
 * How {@link io.stepcache.client.StepCacheClient} works, not part of its API: the problem-to-exception mapper, the
 * configured and the explicit API key, the wire names of the enumerations.
 */
package io.stepcache.client.internal;
