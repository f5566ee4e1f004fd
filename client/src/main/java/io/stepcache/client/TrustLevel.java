package io.stepcache.client;

import io.stepcache.client.internal.WireEnums;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** How far an answer or a step may be trusted (README, "Trust"); on the wire in lower case. */
@JsonbTypeAdapter(WireEnums.TrustLevels.class)
public enum TrustLevel {
  /** The pack's rules prove it right for this request. */
  CHECKED,
  /** It passed the rules and independent generations agreed with it. */
  CONFIRMED,
  /** It passed the rules, which show it plausible but cannot prove it. */
  GROUNDED,
  /** Not verified. */
  NONE,
  /** A level this client does not know yet (a newer server). */
  UNKNOWN
}
