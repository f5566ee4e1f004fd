/**
 * An example application that uses StepCache through the typed client: {@link
 * io.stepcache.examples.clientapp.Assistant} is the CDI bean a real application would have ({@code @Inject
 * @RestClient StepCacheClient}); {@link io.stepcache.examples.clientapp.AskResource} shows what it got over HTTP, and
 * {@link io.stepcache.examples.clientapp.RefusalMapper} what StepCache refused.
 */
package io.stepcache.examples.clientapp;
