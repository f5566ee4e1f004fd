/**
 * Reading and computing with the arithmetic of one equation: tokens, polynomial expressions in one
 * unknown, linear sides and equations, and the canonical number format every step uses.
 */
package io.stepcache.packs.math.algebra;
