package vn.academicledger.core.json;

import java.util.Arrays;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;

import vn.academicledger.core.error.InvalidInputException;

/** The RFC 8785 serializer: writes canonical UTF-8 into a growable byte buffer. Not thread-safe. */
final class JcsWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final long MAX_SAFE = 9007199254740992L;

    private byte[] buffer = new byte[4096];
    private int size;
    private boolean inUse;

    void start() {
        size = 0;
        inUse = true;
    }

    void finish() {
        inUse = false;
    }

    boolean inUse() {
        return inUse;
    }

    byte[] buffer() {
        return buffer;
    }

    int size() {
        return size;
    }

    int capacity() {
        return buffer.length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    void write(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node);
            case ARRAY -> writeArray(node);
            case STRING -> writeString(node.textValue());
            case NUMBER -> writeNumber(node);
            case BOOLEAN -> writeRaw(node.booleanValue() ? TRUE : FALSE);
            case NULL -> writeRaw(NULL);
            default -> throw new InvalidInputException(
                    "Cannot canonicalize a " + node.getNodeType() + " node: only JSON values are allowed");
        }
    }

    private void writeObject(JsonNode node) {
        int count = node.size();
        if (count == 0) {
            ensure(2);
            buffer[size++] = '{';
            buffer[size++] = '}';
            return;
        }
        // Sort member names by UTF-16 code units (String.compareTo), as RFC 8785 3.2.3 asks.
        String[] names = new String[count];
        Iterator<String> fields = node.fieldNames();
        for (int i = 0; fields.hasNext(); i++) {
            names[i] = fields.next();
        }
        if (count > 1) {
            if (count < 12) {
                insertionSort(names);
            } else {
                Arrays.sort(names);
            }
        }
        ensure(1);
        buffer[size++] = '{';
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                ensure(1);
                buffer[size++] = ',';
            }
            writeString(names[i]);
            ensure(1);
            buffer[size++] = ':';
            write(node.get(names[i]));
        }
        ensure(1);
        buffer[size++] = '}';
    }

    private static void insertionSort(String[] names) {
        for (int i = 1; i < names.length; i++) {
            String current = names[i];
            int j = i - 1;
            while (j >= 0 && names[j].compareTo(current) > 0) {
                names[j + 1] = names[j];
                j--;
            }
            names[j + 1] = current;
        }
    }

    private void writeArray(JsonNode node) {
        ensure(1);
        buffer[size++] = '[';
        int count = node.size();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                ensure(1);
                buffer[size++] = ',';
            }
            write(node.get(i));
        }
        ensure(1);
        buffer[size++] = ']';
    }

    private void writeNumber(JsonNode node) {
        if (node.canConvertToLong() && (node.isIntegralNumber())) {
            long value = node.longValue();
            if (value > -MAX_SAFE && value < MAX_SAFE) {
                writeAscii(Long.toString(value));
                return;
            }
        }
        // Every JSON number is an IEEE 754 double in RFC 8785 (big integers and decimals round).
        writeAscii(EcmaScriptNumbers.toString(node.doubleValue()));
    }

    private void writeAscii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }

    private void writeRaw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    void writeString(String text) {
        int length = text.length();
        // Worst case: every char becomes a six-byte escape; three bytes cover any UTF-8 BMP char.
        ensure(length * 6 + 2);
        byte[] out = buffer;
        int pos = size;
        out[pos++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    out[pos++] = (byte) c;
                } else {
                    pos = escape(out, pos, c);
                }
            } else if (c < 0x800) {
                out[pos++] = (byte) (0xc0 | (c >> 6));
                out[pos++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    out[pos++] = (byte) (0xf0 | (cp >> 18));
                    out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    out[pos++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    throw new InvalidInputException("A JSON string holds a lone UTF-16 surrogate at index " + i
                            + "; RFC 8785 accepts only well-formed Unicode");
                }
            } else {
                out[pos++] = (byte) (0xe0 | (c >> 12));
                out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[pos++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        out[pos++] = '"';
        size = pos;
    }

    private static int escape(byte[] out, int pos, char c) {
        out[pos++] = '\\';
        switch (c) {
            case '"' -> out[pos++] = '"';
            case '\\' -> out[pos++] = '\\';
            case '\b' -> out[pos++] = 'b';
            case '\f' -> out[pos++] = 'f';
            case '\n' -> out[pos++] = 'n';
            case '\r' -> out[pos++] = 'r';
            case '\t' -> out[pos++] = 't';
            default -> {
                out[pos++] = 'u';
                out[pos++] = '0';
                out[pos++] = '0';
                out[pos++] = HEX[c >> 4];
                out[pos++] = HEX[c & 0xf];
            }
        }
        return pos;
    }

    private void ensure(int extra) {
        int needed = size + extra;
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
