/**
 * The Drools implementation of the engine's {@link io.stepcache.engine.verify.RuleEngine} port:
 * each pack's DRL, together with the shared rules in {@code /stepcache/shared}, is compiled into
 * its own KieBase with the pack's class loader. The only module that imports Drools.
 */
package io.stepcache.rules;
