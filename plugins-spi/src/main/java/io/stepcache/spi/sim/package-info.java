/**
 * Support for the simulated backend: a pack may supply an oracle that answers its own prompts the
 * way a perfect model would; the simulator injects errors on top. Never used with a real model.
 */
package io.stepcache.spi.sim;
