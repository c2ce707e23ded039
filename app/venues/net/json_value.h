#pragma once

#include "core/decimal.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace hoga::net {

// A strict RFC 8259 JSON reader whose numbers keep their exact source text, so "9.101e-05" or
// "1234567890.12345678" reach hoga::Decimal digit for digit (QJsonDocument turns them into double).
//
// Parsing is one pass over the input into a compact node array: strings without escapes are views into the
// input, numbers are views of their text, nothing is allocated per character. A JsonDocument can be reused
// for the next message to keep its buffers (parse() clears it).
//
//     JsonDocument doc;
//     if (!doc.parse(frame)) { log(doc.error().message); return; }
//     for (JsonValue unit : doc.root()["orderbook_units"].elements())
//         std::optional<Decimal> price = unit["ask_price"].toDecimal();

class JsonDocument;

enum class JsonType : quint8 { Undefined, Null, Bool, Number, String, Array, Object };

struct JsonParseError {
    qint64 offset = -1; // byte offset into the input where the problem was found; -1 = no error
    QString message;    // translated, includes the offset
    bool isError() const { return offset >= 0; }
};

struct JsonParseOptions {
    int maxDepth = 128; // nesting of arrays and objects deeper than this is rejected
};

struct JsonMember;
class JsonArrayRange;
class JsonObjectRange;

// A light handle (document pointer + node index) to one value of a JsonDocument; valid while the document is
// alive and not re-parsed. Accessors never throw: a missing member or wrong type gives an Undefined value,
// an empty optional or the default.
class JsonValue {
public:
    JsonValue() = default;

    JsonType type() const;
    bool isUndefined() const { return type() == JsonType::Undefined; }
    bool isNull() const { return type() == JsonType::Null; }
    bool isBool() const { return type() == JsonType::Bool; }
    bool isNumber() const { return type() == JsonType::Number; }
    bool isString() const { return type() == JsonType::String; }
    bool isArray() const { return type() == JsonType::Array; }
    bool isObject() const { return type() == JsonType::Object; }

    // Elements of an array or members of an object; 0 for anything else.
    qsizetype size() const;
    // First member named `key` (linear search: venue objects are small). Undefined if absent or not an
    // object.
    JsonValue operator[](std::string_view key) const;
    bool contains(std::string_view key) const { return !(*this)[key].isUndefined(); }
    // Element i of an array, or the value of member i of an object. Undefined when out of range.
    JsonValue at(qsizetype i) const;
    // Name of member i of an object (decoded UTF-8); empty when out of range.
    std::string_view keyAt(qsizetype i) const;
    JsonArrayRange elements() const; // for (JsonValue v : value.elements())
    JsonObjectRange members() const; // for (const JsonMember& m : value.members())

    // Numbers: the exact source text ("9.101e-05"). Strings: the decoded UTF-8 bytes. Otherwise empty.
    std::string_view raw() const;
    // Strings decoded; numbers as their source text; `defaultValue` for anything else.
    QString toString(const QString& defaultValue = {}) const;
    bool toBool(bool defaultValue = false) const;
    // An exact integer from a number or a numeric string ("42", "-7", "1.5e3"); empty for fractions, text
    // that is not a number, or values outside 64 bits.
    std::optional<qint64> toInt64() const;
    qint64 toInt64(qint64 defaultValue) const { return toInt64().value_or(defaultValue); }
    // An exact decimal from a number or a numeric string (venues send both); empty when the text is not a
    // number or needs more precision than Decimal holds.
    std::optional<Decimal> toDecimal() const;
    // Like toDecimal() but rounds fraction digits beyond Decimal::kMaxScale instead of failing (Upbit sends
    // balances such as 1386929.37231066771348207123).
    std::optional<Decimal> toDecimalRounded(Rounding mode = Rounding::HalfEven) const;

    bool operator==(const JsonValue& o) const { return m_doc == o.m_doc && m_index == o.m_index; }

private:
    friend class JsonDocument;
    friend class JsonArrayRange;
    friend class JsonObjectRange;
    JsonValue(const JsonDocument* doc, quint32 index)
        : m_doc(doc)
        , m_index(index) {}

    const JsonDocument* m_doc = nullptr;
    quint32 m_index = 0;
};

struct JsonMember {
    std::string_view key;
    JsonValue value;
};

class JsonArrayRange {
public:
    class iterator {
    public:
        JsonValue operator*() const { return m_range->m_value.at(m_i); }
        iterator& operator++() {
            ++m_i;
            return *this;
        }
        bool operator==(const iterator& o) const { return m_i == o.m_i; }

    private:
        friend class JsonArrayRange;
        iterator(const JsonArrayRange* range, qsizetype i)
            : m_range(range)
            , m_i(i) {}
        const JsonArrayRange* m_range;
        qsizetype m_i;
    };
    explicit JsonArrayRange(JsonValue value)
        : m_value(value) {}
    iterator begin() const { return iterator(this, 0); }
    iterator end() const { return iterator(this, m_value.isArray() ? m_value.size() : 0); }

private:
    JsonValue m_value;
};

class JsonObjectRange {
public:
    class iterator {
    public:
        JsonMember operator*() const { return {m_range->m_value.keyAt(m_i), m_range->m_value.at(m_i)}; }
        iterator& operator++() {
            ++m_i;
            return *this;
        }
        bool operator==(const iterator& o) const { return m_i == o.m_i; }

    private:
        friend class JsonObjectRange;
        iterator(const JsonObjectRange* range, qsizetype i)
            : m_range(range)
            , m_i(i) {}
        const JsonObjectRange* m_range;
        qsizetype m_i;
    };
    explicit JsonObjectRange(JsonValue value)
        : m_value(value) {}
    iterator begin() const { return iterator(this, 0); }
    iterator end() const { return iterator(this, m_value.isObject() ? m_value.size() : 0); }

private:
    JsonValue m_value;
};

class JsonDocument {
public:
    JsonDocument() = default;
    // Non-copyable: values point into the document.
    JsonDocument(const JsonDocument&) = delete;
    JsonDocument& operator=(const JsonDocument&) = delete;
    JsonDocument(JsonDocument&&) = delete;
    JsonDocument& operator=(JsonDocument&&) = delete;

    // Parses `input` and returns ok(). The bytes are copied into a buffer the document reuses (a memcpy is
    // far cheaper than the parse and lets the scanner run on a zero-padded copy). Inputs of 4 GiB or more
    // are rejected.
    bool parse(std::string_view input, const JsonParseOptions& options = {});
    bool parse(const QByteArray& input, const JsonParseOptions& options = {}) {
        return parse(std::string_view(input.constData(), size_t(input.size())), options);
    }

    bool ok() const { return m_ok; }
    const JsonParseError& error() const { return m_error; }
    // The top-level value; Undefined when parsing failed.
    JsonValue root() const { return m_ok ? JsonValue(this, 0) : JsonValue(); }
    // Number of nodes (values and member names) of the last successful parse.
    qsizetype nodeCount() const { return qsizetype(m_nodes.size()); }

private:
    friend class JsonValue;
    friend class JsonParser;

    enum : quint8 { kDecoded = 1 }; // string bytes live in m_decoded instead of the input
    static constexpr size_t kPadding = 16;
    struct Node {
        quint32 offset; // strings/numbers: into the text (or m_decoded); containers: into m_children
        quint32 length; // strings/numbers: bytes; arrays: elements; objects: 2 * members (key, value, ...)
        JsonType type;
        quint8 flags;
    };

    std::string_view nodeText(const Node& n) const {
        const char* base = (n.flags & kDecoded) ? m_decoded.data() : m_text.data();
        return std::string_view(base + n.offset, n.length);
    }

    void clear();

    std::string m_text; // the input followed by kPadding zero bytes
    std::vector<Node> m_nodes;
    std::vector<quint32> m_children; // child node indices of each container, contiguous per container
    std::string m_decoded;           // unescaped strings
    std::vector<quint32> m_stack;    // parse-time scratch: children of the open containers
    JsonParseError m_error;
    bool m_ok = false;
};

// Builds compact JSON for request bodies. Keys and values are written in call order; commas and colons are
// placed automatically. Decimals are written from their exact canonical text, either as a JSON string
// ("0.00009101", what private venue APIs expect) or as a bare JSON number.
//
//     JsonWriter w;
//     w.beginObject().field("market", "KRW-BTC").key("price").decimal(price).endObject();
//     QByteArray body = w.data();
class JsonWriter {
public:
    enum class DecimalAs { String, Number };

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);
    JsonWriter& key(const char* name) { return key(std::string_view(name)); }
    JsonWriter& key(const QString& name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const QString& text);
    JsonWriter& value(bool b);
    template <class T>
    requires(std::is_integral_v<T> && !std::is_same_v<T, bool>) JsonWriter& value(T number) {
        const QByteArray text = QByteArray::number(number);
        return rawValue(std::string_view(text.constData(), size_t(text.size())));
    }
    JsonWriter& nullValue();
    JsonWriter& decimal(const Decimal& d, DecimalAs as = DecimalAs::String);
    JsonWriter& value(const Decimal& d) { return decimal(d, DecimalAs::String); }
    // Copies a parsed value (numbers keep their source text).
    JsonWriter& value(const JsonValue& v);

    template <class T> JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }

    // Valid JSON once every container was closed.
    const QByteArray& data() const { return m_out; }
    bool isComplete() const { return m_stack.empty() && !m_out.isEmpty(); }

private:
    struct Frame {
        bool object;
        bool afterKey;
        int count;
    };
    void beforeValue();
    JsonWriter& rawValue(std::string_view text);
    void writeString(std::string_view text);

    QByteArray m_out;
    std::vector<Frame> m_stack;
};

} // namespace hoga::net
