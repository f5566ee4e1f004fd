/**
 * JSON inside free model text: locating the outermost object (past code fences and chatter),
 * splitting it into top-level members, and strict parsing of single members and values. Everything
 * here is stateless and thread-safe.
 */
package io.stepcache.packs.json.text;
