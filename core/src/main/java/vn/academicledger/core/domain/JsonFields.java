package vn.academicledger.core.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.academicledger.core.error.InvalidInputException;

/**
 * Reads one JSON object of a credential subject strictly: every error names the field by its path
 * (e.g. {@code credentialSubject.reportCard.subjectResults[2].averageYear}), and {@link #done()}
 * rejects fields the context does not define, which RDF canonicalization would silently drop and
 * the signature would then not cover.
 */
final class JsonFields {
    private static final Pattern SCORE = Pattern.compile("(10|\\d)\\.\\d");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonNode node;
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();

    JsonFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(path + ": phải là một đối tượng JSON.");
        }
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    String path(String field) {
        return path + "." + field;
    }

    void type(String expected) {
        JsonNode t = get("type");
        if (t == null || !t.isTextual() || !t.asText().equals(expected)) {
            throw new InvalidInputException(path("type") + ": phải là \"" + expected + "\".");
        }
    }

    String text(String field) {
        String v = optionalText(field);
        if (v == null) {
            throw new InvalidInputException(path(field) + ": thiếu hoặc để trống.");
        }
        return v;
    }

    String optionalText(String field) {
        JsonNode v = get(field);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidInputException(path(field) + ": phải là chuỗi.");
        }
        return v.asText().isBlank() ? null : v.asText();
    }

    int integer(String field) {
        JsonNode v = get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InvalidInputException(path(field) + ": phải là số nguyên.");
        }
        return v.intValue();
    }

    LocalDate date(String field) {
        String v = text(field);
        if (!DATE.matcher(v).matches()) {
            throw new InvalidInputException(path(field) + ": '" + v + "' phải là ngày dạng YYYY-MM-DD.");
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path(field) + ": '" + v + "' không phải ngày có thật.", e);
        }
    }

    Score score(String field) {
        String v = text(field);
        if (!SCORE.matcher(v).matches()) {
            throw new InvalidInputException(path(field) + ": '" + v
                    + "' phải là điểm từ 0.0 đến 10.0 viết với đúng một chữ số thập phân, ví dụ \"8.6\".");
        }
        return at(field, () -> Score.of(v));
    }

    <E extends Enum<E>> E code(String field, Class<E> type) {
        E e = optionalCode(field, type);
        if (e == null) {
            throw new InvalidInputException(path(field) + ": thiếu; giá trị hợp lệ: " + names(type) + ".");
        }
        return e;
    }

    <E extends Enum<E>> E optionalCode(String field, Class<E> type) {
        String v = optionalText(field);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        throw new InvalidInputException(path(field) + ": '" + v + "' không hợp lệ; giá trị hợp lệ: " + names(type) + ".");
    }

    JsonFields object(String field) {
        JsonNode v = get(field);
        if (v == null) {
            throw new InvalidInputException(path(field) + ": thiếu.");
        }
        return new JsonFields(v, path(field));
    }

    List<JsonFields> objects(String field) {
        JsonNode v = get(field);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new InvalidInputException(path(field) + ": phải là mảng không rỗng.");
        }
        List<JsonFields> list = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            list.add(new JsonFields(v.get(i), path(field) + "[" + i + "]"));
        }
        return list;
    }

    /** Rejects any field not read. */
    void done() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                throw new InvalidInputException(path(name) + ": trường này không có trong ngữ cảnh "
                        + AcademicLedgerContext.URL + " cho vị trí này.");
            }
        }
    }

    /** Runs a domain constructor, prefixing its error with this object's path. */
    <T> T at(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(path)) {
                throw e; // already names its field
            }
            throw new InvalidInputException((field == null ? path : path(field)) + ": " + e.getMessage(), e);
        }
    }

    private JsonNode get(String field) {
        read.add(field);
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
