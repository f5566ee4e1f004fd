/** Splitting a model's answer text into ordered steps. */
package io.stepcache.spi.segment;
