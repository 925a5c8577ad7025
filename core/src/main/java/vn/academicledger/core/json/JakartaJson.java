package vn.academicledger.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import vn.academicledger.core.error.InvalidInputException;

/**
 * Converts between Jackson trees (what the project uses) and jakarta.json values (what
 * titanium-json-ld reads). The JSON-P provider is looked up once, not per call.
 */
public final class JakartaJson {
    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JakartaJson() {
    }

    /** The JSON-P provider this class uses, for callers that build jakarta.json values themselves. */
    public static JsonProvider provider() {
        return PROVIDER;
    }

    /** The same JSON as a jakarta.json value. Numbers keep their value (a double stays a double). */
    public static JsonValue toJakarta(JsonNode node) {
        return toJakarta(node, JakartaJson::exactNumber);
    }

    /**
     * The same JSON as a jakarta.json value, with every number converted by {@code numbers}
     * (for processors that need numbers in a particular form).
     */
    public static JsonValue toJakarta(JsonNode node, Function<JsonNode, JsonValue> numbers) {
        switch (node.getNodeType()) {
            case OBJECT: {
                JsonObjectBuilder builder = PROVIDER.createObjectBuilder();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    builder.add(field.getKey(), toJakarta(field.getValue(), numbers));
                }
                return builder.build();
            }
            case ARRAY: {
                JsonArrayBuilder builder = PROVIDER.createArrayBuilder();
                for (int i = 0; i < node.size(); i++) {
                    builder.add(toJakarta(node.get(i), numbers));
                }
                return builder.build();
            }
            case STRING:
                return PROVIDER.createValue(node.textValue());
            case NUMBER:
                return numbers.apply(node);
            case BOOLEAN:
                return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
            case NULL:
                return JsonValue.NULL;
            default:
                throw new InvalidInputException("Cannot convert a " + node.getNodeType() + " node to JSON");
        }
    }

    /** The default number mapping: integers stay integers, other numbers keep their decimal value. */
    public static JsonValue exactNumber(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.canConvertToLong()
                    ? PROVIDER.createValue(number.longValue())
                    : PROVIDER.createValue(number.bigIntegerValue());
        }
        if (number.isBigDecimal()) {
            return PROVIDER.createValue(number.decimalValue());
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InvalidInputException("JSON cannot hold " + value);
        }
        return PROVIDER.createValue(new BigDecimal(EcmaScriptNumbers.toString(value)));
    }

    /** The same JSON as a Jackson tree; numbers get the node types Jackson's parser gives (int, long, BigInteger, double). */
    public static JsonNode toJackson(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonValue> field : ((JsonObject) value).entrySet()) {
                    object.set(field.getKey(), toJackson(field.getValue()));
                }
                return object;
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonValue item : (JsonArray) value) {
                    array.add(toJackson(item));
                }
                return array;
            }
            case STRING:
                return NODES.textNode(((JsonString) value).getString());
            case NUMBER: {
                JsonNumber number = (JsonNumber) value;
                if (number.isIntegral()) {
                    BigInteger integer = number.bigIntegerValue();
                    if (integer.bitLength() < 32) {
                        return NODES.numberNode(integer.intValue());
                    }
                    return integer.bitLength() < 64 ? NODES.numberNode(integer.longValue()) : NODES.numberNode(integer);
                }
                return NODES.numberNode(number.doubleValue());
            }
            case TRUE:
                return NODES.booleanNode(true);
            case FALSE:
                return NODES.booleanNode(false);
            default:
                return NODES.nullNode();
        }
    }

    /** ECMAScript's {@code Number.prototype.toString} of a double, as RFC 8785 writes numbers. */
    public static String ecmaScriptNumber(double value) {
        return EcmaScriptNumbers.toString(value);
    }
}
