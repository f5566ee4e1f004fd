/** Answer text to steps and back: segmenter, step parser, stitcher, rebinder. */
package io.stepcache.packs.units.steps;
