/**
 * Streamed answers on both doors: the engine serves a request on a worker thread ({@link
 * io.stepcache.liberty.stream.StepStream}) while the request's thread writes each verified step as a server-sent
 * event the moment it arrives.
 */
package io.stepcache.liberty.stream;
