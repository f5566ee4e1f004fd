/** The model backend port: one prompt in, text and token counts out. */
package io.stepcache.engine.backend;
