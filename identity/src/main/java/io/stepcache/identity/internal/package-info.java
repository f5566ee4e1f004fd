/** Implementations of the identity ports: the key file, the key format, the backoff throttle. */
package io.stepcache.identity.internal;
