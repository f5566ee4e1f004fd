/**
 * The rule-engine port: compiling a pack's DRL into something that evaluates facts into {@link
 * io.stepcache.spi.verify.Verdicts}. Implemented with Drools in the {@code rules} module.
 */
package io.stepcache.engine.verify;
