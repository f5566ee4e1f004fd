/** Drools plumbing behind {@link io.stepcache.rules.DroolsRuleEngine}. */
package io.stepcache.rules.internal;
