/**
 * Facts for the pack's Drools rules ({@code /stepcache/json/*.drl}). The Java side does the work
 * that needs code (parsing steps, looking values up in the source text, Everit validation); the
 * rules compare the results and report findings. Facts are immutable JavaBeans.
 */
package io.stepcache.packs.json.verify;
