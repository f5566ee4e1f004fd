/** Dependency-free charts: one drawing, rendered to SVG by hand and to PNG with headless Java2D. */
package io.stepcache.bench.plot;
