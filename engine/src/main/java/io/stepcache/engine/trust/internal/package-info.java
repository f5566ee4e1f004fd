/** The server's trust worker: one daemon thread and a bounded queue. */
package io.stepcache.engine.trust.internal;
