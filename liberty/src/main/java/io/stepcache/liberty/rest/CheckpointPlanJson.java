package io.stepcache.liberty.rest;

import io.stepcache.checkpoint.CheckpointPlanner;
import io.stepcache.checkpoint.DepthDistribution;
import io.stepcache.checkpoint.Plan;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The JSON of {@code POST /api/v1/checkpoints/plan} (the API contract in openapi.yaml): request {@code
 * histogram} or {@code samples}, {@code N}, {@code M}, {@code binSize} (default 64); response
 * {@code positions}, {@code expectedCost}, {@code savings} and {@code baselineCost}.
 */
final class CheckpointPlanJson {

  /** The paper's bin size, used when the request names none. */
  static final int DEFAULT_BIN_SIZE = 64;

  private CheckpointPlanJson() {}

  /**
   * Parses the request and solves it.
   *
   * @throws StepCacheException {@code MALFORMED_REQUEST} for wrong JSON types, {@code
   *     INVALID_REQUEST} for values the planner refuses (the planner's own message)
   */
  static Plan plan(byte[] body) {
    JsonObject o = JsonBodies.object(body, "{\"histogram\": [5, 3, 1], \"N\": 192, \"M\": 2, \"binSize\": 64}");
    double[] histogram = numbers(o, "histogram");
    int[] samples = wholeNumbers(o, "samples");
    Integer n = wholeNumber(o, "N");
    Integer m = wholeNumber(o, "M");
    Integer binSize = wholeNumber(o, "binSize");
    if (n == null || m == null) {
      throw new StepCacheException(ErrorCode.INVALID_REQUEST, "'N' (longest depth) and 'M' (checkpoint budget) are required");
    }
    try {
      DepthDistribution d =
          DepthDistribution.of(histogram, samples, n, binSize == null ? DEFAULT_BIN_SIZE : binSize);
      return CheckpointPlanner.plan(d, m);
    } catch (IllegalArgumentException e) {
      throw new StepCacheException(ErrorCode.INVALID_REQUEST, e.getMessage(), e);
    }
  }

  static JsonObject toJson(Plan plan) {
    JsonArrayBuilder positions = Jsonp.createArrayBuilder();
    plan.positions().forEach(positions::add);
    return Jsonp.createObjectBuilder()
        .add("positions", positions)
        .add("expectedCost", plan.expectedCost())
        .add("savings", plan.savings())
        .add("baselineCost", plan.baselineCost())
        .build();
  }

  private static double[] numbers(JsonObject o, String field) {
    JsonArray a = array(o, field);
    if (a == null) {
      return null;
    }
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(a.get(i), field + "[" + i + "]").doubleValue();
    }
    return out;
  }

  private static int[] wholeNumbers(JsonObject o, String field) {
    JsonArray a = array(o, field);
    if (a == null) {
      return null;
    }
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = whole(a.get(i), field + "[" + i + "]");
    }
    return out;
  }

  private static Integer wholeNumber(JsonObject o, String field) {
    JsonValue v = o.get(field);
    return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : whole(v, field);
  }

  private static JsonArray array(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw JsonBodies.malformed("'" + field + "' must be an array of numbers, not " + JsonBodies.kind(v));
    }
    return v.asJsonArray();
  }

  private static JsonNumber number(JsonValue v, String where) {
    if (v.getValueType() != JsonValue.ValueType.NUMBER) {
      throw JsonBodies.malformed("'" + where + "' must be a number, not " + JsonBodies.kind(v));
    }
    return (JsonNumber) v;
  }

  private static int whole(JsonValue v, String where) {
    JsonNumber n = number(v, where);
    try {
      return n.bigDecimalValue().intValueExact();
    } catch (ArithmeticException e) {
      throw JsonBodies.malformed("'" + where + "' must be a whole number in integer range, not " + n);
    }
  }
}
