/** The engine's error codes and the one exception type that carries them to the edge. */
package io.stepcache.engine.error;
