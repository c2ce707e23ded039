#include "json_value.h"

#include <QCoreApplication>

#include <array>
#include <bit>
#include <cstring>
#include <limits>

namespace hoga::net {

namespace {

// Character classes for the hot loops, so each input byte costs one table lookup.
enum : quint8 { kWs = 1, kStrSpecial = 2, kDigit = 4 };

constexpr auto kClass = [] {
    std::array<quint8, 256> t{};
    t[' '] = t['\n'] = t['\r'] = t['\t'] = kWs;
    for (int c = 0; c < 0x20; ++c)
        t[c] |= kStrSpecial;
    for (int c = 0x80; c < 0x100; ++c)
        t[c] |= kStrSpecial;
    t['"'] |= kStrSpecial;
    t['\\'] |= kStrSpecial;
    for (int c = '0'; c <= '9'; ++c)
        t[c] |= kDigit;
    return t;
}();

inline bool isDigit(unsigned char c) {
    return kClass[c] & kDigit;
}

int hexValue(unsigned char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

// Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlongs, no surrogates, <= U+10FFFF), or 0.
int utf8SequenceLength(const unsigned char* p, const unsigned char* end) {
    const unsigned char c = p[0];
    auto cont = [&](int i) {
        return p + i < end && (p[i] & 0xC0) == 0x80;
    };
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2))
            return 0;
        if (c == 0xE0 && p[1] < 0xA0)
            return 0; // overlong
        if (c == 0xED && p[1] >= 0xA0)
            return 0; // UTF-16 surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        if (c == 0xF0 && p[1] < 0x90)
            return 0; // overlong
        if (c == 0xF4 && p[1] >= 0x90)
            return 0; // above U+10FFFF
        return 4;
    }
    return 0;
}

// Fast exact integer from plain digits ("-123"); nullopt for anything else or overflow.
std::optional<qint64> parsePlainInt(std::string_view s) {
    size_t i = 0;
    const bool negative = !s.empty() && s[0] == '-';
    if (negative)
        i = 1;
    if (i >= s.size() || s.size() - i > 19)
        return std::nullopt;
    quint64 v = 0;
    for (; i < s.size(); ++i) {
        const unsigned char c = s[i];
        if (!isDigit(c))
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    // 19 digits never overflow quint64; check the qint64 range.
    if (negative) {
        if (v > quint64(std::numeric_limits<qint64>::max()) + 1)
            return std::nullopt;
        return qint64(0 - v);
    }
    if (v > quint64(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return qint64(v);
}

// Exact decimal from plain text "-?digits(.digits)?" of at most 19 digits, without Decimal::parse's general
// machinery (the common case for prices and sizes). nullopt = let the general parser decide.
// Value of the 8 digits at p, or -1 if any of them is not a digit (SWAR, little-endian, as in fast_float).
inline qint64 eightDigits(const char* p) {
    quint64 w;
    std::memcpy(&w, p, 8);
    if ((((w & 0xF0F0F0F0F0F0F0F0ULL) ^ 0x3030303030303030ULL) |
         (((w + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) ^ 0x3030303030303030ULL)) != 0)
        return -1;
    constexpr quint64 mask = 0x000000FF000000FFULL;
    constexpr quint64 mul1 = 0x000F424000000064ULL; // 100 + (1000000 << 32)
    constexpr quint64 mul2 = 0x0000271000000001ULL; // 1 + (10000 << 32)
    w -= 0x3030303030303030ULL;
    w = (w * 10) + (w >> 8); // pairs of digits
    return qint64((((w & mask) * mul1) + (((w >> 16) & mask) * mul2)) >> 32);
}

// Appends the digits in [p, end) to `mantissa`, 8 at a time where possible; returns where the digits end.
inline const char* accumulateDigits(const char* p, const char* end, quint64& mantissa) {
    while (end - p >= 8) {
        const qint64 eight = eightDigits(p);
        if (eight < 0)
            break;
        mantissa = mantissa * 100000000 + quint64(eight);
        p += 8;
    }
    while (p < end && isDigit(static_cast<unsigned char>(*p)))
        mantissa = mantissa * 10 + quint64(*p++ - '0');
    return p;
}

std::optional<Decimal> parsePlainDecimal(std::string_view s) {
    const char* p = s.data();
    const char* const end = p + s.size();
    const bool negative = p < end && *p == '-';
    p += negative;
    // 19 digits plus a point never overflow 64 bits.
    if (p == end || end - p > 20 || !isDigit(static_cast<unsigned char>(*p)))
        return std::nullopt;
    const char* const integer = p;
    quint64 mantissa = 0;
    p = accumulateDigits(p, end, mantissa);
    if (p - integer > 19)
        return std::nullopt; // may have wrapped; the general parser handles it
    int scale = 0;
    if (p < end) {
        if (*p != '.' || ++p == end)
            return std::nullopt;
        const char* const fraction = p;
        p = accumulateDigits(p, end, mantissa);
        if (p != end)
            return std::nullopt;
        scale = int(end - fraction);
        if (scale > Decimal::kMaxScale)
            return std::nullopt;
    }
    while (scale > 0 && mantissa % 10 == 0) { // Decimal's normal form, without 128-bit divisions
        mantissa /= 10;
        --scale;
    }
    return Decimal::fromMantissa(negative ? -Int128(mantissa) : Int128(mantissa), scale);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------
// Parser

class JsonParser {
public:
    // The input is followed by JsonDocument::kPadding zero bytes: every scanning loop stops at a zero byte
    // (not a digit, not whitespace, a control character in strings), so the hot loops need no bounds checks
    // and the string scanner may read whole 8-byte words.
    JsonParser(JsonDocument& doc, size_t inputSize, const JsonParseOptions& options)
        : m_doc(doc)
        , m_begin(reinterpret_cast<const unsigned char*>(doc.m_text.data()))
        , m_end(m_begin + inputSize)
        , m_maxDepth(options.maxDepth) {}

    bool run() {
        const unsigned char* p = m_begin;
        // A UTF-8 byte order mark may be ignored (RFC 8259 section 8.1).
        if (m_end - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
            p += 3;
        p = skipWs(p);
        if (p == m_end)
            return failAt(p, QCoreApplication::translate("hoga::Json", "The JSON text is empty."));
        p = parseValue(p, 0);
        if (!p)
            return false;
        p = skipWs(p);
        if (p != m_end)
            return failAt(p,
                          QCoreApplication::translate("hoga::Json", "Unexpected data after the JSON value."));
        return true;
    }

private:
    using Node = JsonDocument::Node;
    using Ptr = const unsigned char*;

    // Records the first error and returns false; the parse functions return nullptr after it.
    bool failAt(Ptr at, const QString& what) {
        if (!m_doc.m_error.isError()) {
            m_doc.m_error.offset = std::min(at, m_end) - m_begin;
            m_doc.m_error.message = QCoreApplication::translate("hoga::Json", "Malformed JSON at byte %1: %2")
                                        .arg(m_doc.m_error.offset)
                                        .arg(what);
        }
        return false;
    }
    Ptr fail(Ptr at, const QString& what) {
        failAt(at, what);
        return nullptr;
    }

    static Q_ALWAYS_INLINE Ptr skipWs(Ptr p) {
        while (kClass[*p] & kWs)
            ++p;
        return p;
    }

    Q_ALWAYS_INLINE quint32 addNode(JsonType type, quint32 offset, quint32 length, quint8 flags = 0) {
        auto& nodes = m_doc.m_nodes;
        const size_t index = nodes.size();
        nodes.push_back(Node{offset, length, type, flags});
        return quint32(index);
    }

    // Skips a run of digits 8 bytes at a time (the zero padding ends any run inside the buffer).
    static Q_ALWAYS_INLINE Ptr skipDigits(Ptr p) {
        for (;;) {
            quint64 w;
            std::memcpy(&w, p, 8);
            // A byte is a digit iff its high nibble is 3 and adding 6 keeps it below 0x40.
            const quint64 notDigit =
                ((w & 0xF0F0F0F0F0F0F0F0ULL) ^ 0x3030303030303030ULL) |
                (((w + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) ^ 0x3030303030303030ULL);
            if (notDigit)
                return p + std::countr_zero(notDigit) / 8;
            p += 8;
        }
    }

    Ptr parseValue(Ptr p, int depth) {
        switch (*p) {
        case '{':
            return parseObject(p, depth + 1);
        case '[':
            return parseArray(p, depth + 1);
        case '"':
            return parseString(p);
        case 't':
            return parseLiteral(p, "true", JsonType::Bool, 1);
        case 'f':
            return parseLiteral(p, "false", JsonType::Bool, 0);
        case 'n':
            return parseLiteral(p, "null", JsonType::Null, 0);
        default:
            if (*p == '-' || isDigit(*p))
                return parseNumber(p);
            if (p >= m_end)
                return fail(p, QCoreApplication::translate("hoga::Json", "Unexpected end of the JSON text."));
            return fail(p, QCoreApplication::translate(
                               "hoga::Json",
                               "Expected a value (object, array, string, number, true, false or null)."));
        }
    }

    Ptr parseLiteral(Ptr p, std::string_view word, JsonType type, quint32 boolValue) {
        // The zero padding makes the comparison safe near the end of the input.
        if (std::memcmp(p, word.data(), word.size()) != 0 || p + word.size() > m_end)
            return fail(p, QCoreApplication::translate(
                               "hoga::Json",
                               "Expected a value (object, array, string, number, true, false or null)."));
        addNode(type, boolValue, 0);
        return p + word.size();
    }

    Q_ALWAYS_INLINE Ptr parseNumber(Ptr p) {
        const Ptr start = p;
        if (*p == '-')
            ++p;
        if (*p == '0') {
            ++p;
            if (isDigit(*p))
                return fail(
                    p, QCoreApplication::translate("hoga::Json", "Numbers must not have leading zeros."));
        } else if (isDigit(*p)) {
            p = skipDigits(p + 1);
        } else {
            return fail(p, QCoreApplication::translate("hoga::Json", "A number needs digits."));
        }
        if (*p == '.') {
            ++p;
            if (!isDigit(*p))
                return fail(p, QCoreApplication::translate("hoga::Json",
                                                           "A decimal point must be followed by digits."));
            p = skipDigits(p + 1);
        }
        if ((*p | 0x20) == 'e') {
            ++p;
            if (*p == '+' || *p == '-')
                ++p;
            if (!isDigit(*p))
                return fail(p, QCoreApplication::translate("hoga::Json", "An exponent needs digits."));
            do
                ++p;
            while (isDigit(*p));
        }
        // A number can end at the zero padding only when that is the end of the input.
        addNode(JsonType::Number, quint32(start - m_begin), quint32(p - start));
        return p;
    }

    // Position of the first byte in [p, p+8) that is '"', '\\', a control character or >= 0x80, or 8.
    static Q_ALWAYS_INLINE int firstSpecialInWord(Ptr p) {
        constexpr quint64 ones = 0x0101010101010101ULL;
        constexpr quint64 high = 0x8080808080808080ULL;
        quint64 w;
        std::memcpy(&w, p, 8);
        const quint64 quote = w ^ (ones * '"');
        const quint64 backslash = w ^ (ones * '\\');
        // Classic "has a zero byte"/"has a byte below n" tests; the lowest flagged byte is always exact.
        const quint64 t = ((w - ones * 0x20) | (quote - ones) | (backslash - ones)) & ~w & high;
        const quint64 flagged = t | (w & high);
        return flagged ? std::countr_zero(flagged) / 8 : 8;
    }

    // Parses the string at p (a '"') into a node.
    Q_ALWAYS_INLINE Ptr parseString(Ptr p) {
        const Ptr start = ++p;
        for (;;) {
            // The padding allows whole-word reads up to 8 bytes past the end.
            for (;;) {
                const int k = firstSpecialInWord(p);
                p += k;
                if (k < 8)
                    break;
            }
            const unsigned char c = *p;
            if (c == '"') {
                addNode(JsonType::String, quint32(start - m_begin), quint32(p - start));
                return p + 1;
            }
            if (c == '\\')
                return parseEscapedString(start, p);
            if (p >= m_end)
                return fail(start - 1, QCoreApplication::translate("hoga::Json", "Unterminated string."));
            if (c < 0x20)
                return fail(p, QCoreApplication::translate("hoga::Json",
                                                           "Control characters must be escaped in strings."));
            const int n = utf8SequenceLength(p, m_end);
            if (n == 0)
                return fail(p, QCoreApplication::translate("hoga::Json", "Invalid UTF-8 in a string."));
            p += n;
        }
    }

    // Slow path: the string has escapes; decode it into the document's side buffer.
    Ptr parseEscapedString(Ptr start, Ptr p) {
        std::string& out = m_doc.m_decoded;
        const size_t outStart = out.size();
        out.append(reinterpret_cast<const char*>(start), size_t(p - start));
        for (;;) {
            const Ptr run = p;
            while (!(kClass[*p] & kStrSpecial))
                ++p;
            out.append(reinterpret_cast<const char*>(run), size_t(p - run));
            const unsigned char c = *p;
            if (c == '"') {
                ++p;
                break;
            }
            if (p >= m_end)
                return fail(start - 1, QCoreApplication::translate("hoga::Json", "Unterminated string."));
            if (c < 0x20)
                return fail(p, QCoreApplication::translate("hoga::Json",
                                                           "Control characters must be escaped in strings."));
            if (c >= 0x80) {
                const int n = utf8SequenceLength(p, m_end);
                if (n == 0)
                    return fail(p, QCoreApplication::translate("hoga::Json", "Invalid UTF-8 in a string."));
                out.append(reinterpret_cast<const char*>(p), size_t(n));
                p += n;
                continue;
            }
            // c == '\\'
            const Ptr escape = p++;
            if (p >= m_end)
                return fail(start - 1, QCoreApplication::translate("hoga::Json", "Unterminated string."));
            switch (*p++) {
            case '"':
                out.push_back('"');
                break;
            case '\\':
                out.push_back('\\');
                break;
            case '/':
                out.push_back('/');
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'u': {
                const int unit = readHex4(p);
                if (unit < 0)
                    return fail(escape, QCoreApplication::translate(
                                            "hoga::Json", "\\u must be followed by four hex digits."));
                p += 4;
                char32_t cp = char32_t(unit);
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    if (p[0] != '\\' || p[1] != 'u')
                        return fail(escape, QCoreApplication::translate(
                                                "hoga::Json",
                                                "A high surrogate must be followed by a low surrogate."));
                    const int low = readHex4(p + 2);
                    if (low < 0)
                        return fail(escape, QCoreApplication::translate(
                                                "hoga::Json", "\\u must be followed by four hex digits."));
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail(escape, QCoreApplication::translate(
                                                "hoga::Json",
                                                "A high surrogate must be followed by a low surrogate."));
                    p += 6;
                    cp = 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (char32_t(low) - 0xDC00);
                } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                    return fail(escape, QCoreApplication::translate(
                                            "hoga::Json", "A low surrogate without a high surrogate."));
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                return fail(escape, QCoreApplication::translate("hoga::Json",
                                                                "Invalid escape sequence in a string."));
            }
        }
        addNode(JsonType::String, quint32(outStart), quint32(out.size() - outStart), JsonDocument::kDecoded);
        return p;
    }

    // Four hex digits at p (a zero byte stops it safely), or -1.
    static int readHex4(Ptr p) {
        int v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(p[i]);
            if (h < 0)
                return -1;
            v = v * 16 + h;
        }
        return v;
    }

    // Moves the children collected on the scratch stack since `base` into the container node.
    void closeContainer(quint32 node, size_t base) {
        auto& d = m_doc;
        const size_t count = d.m_stack.size() - base;
        const size_t at = d.m_children.size();
        d.m_nodes[node].offset = quint32(at);
        d.m_nodes[node].length = quint32(count);
        d.m_children.resize(at + count);
        if (count)
            std::memcpy(d.m_children.data() + at, d.m_stack.data() + base, count * sizeof(quint32));
        d.m_stack.resize(base);
    }

    Ptr parseArray(Ptr p, int depth) {
        if (depth > m_maxDepth)
            return fail(p, QCoreApplication::translate("hoga::Json", "Nesting is deeper than %1 levels.")
                               .arg(m_maxDepth));
        const quint32 node = addNode(JsonType::Array, 0, 0);
        const size_t base = m_doc.m_stack.size();
        p = skipWs(p + 1);
        if (*p == ']') {
            closeContainer(node, base);
            return p + 1;
        }
        for (;;) {
            m_doc.m_stack.push_back(quint32(m_doc.m_nodes.size()));
            p = parseValue(p, depth);
            if (!p)
                return nullptr;
            p = skipWs(p);
            if (*p == ',') {
                p = skipWs(p + 1);
                if (*p == ']')
                    return fail(p, QCoreApplication::translate("hoga::Json", "Trailing comma in an array."));
                continue;
            }
            if (*p == ']') {
                closeContainer(node, base);
                return p + 1;
            }
            if (p >= m_end)
                return fail(p, QCoreApplication::translate("hoga::Json", "Unterminated array."));
            return fail(p, QCoreApplication::translate("hoga::Json", "Expected ',' or ']' in an array."));
        }
    }

    Ptr parseObject(Ptr p, int depth) {
        if (depth > m_maxDepth)
            return fail(p, QCoreApplication::translate("hoga::Json", "Nesting is deeper than %1 levels.")
                               .arg(m_maxDepth));
        const quint32 node = addNode(JsonType::Object, 0, 0);
        const size_t base = m_doc.m_stack.size();
        p = skipWs(p + 1);
        if (*p == '}') {
            closeContainer(node, base);
            return p + 1;
        }
        for (;;) {
            if (*p != '"') {
                if (p >= m_end)
                    return fail(p, QCoreApplication::translate("hoga::Json", "Unterminated object."));
                return fail(
                    p, QCoreApplication::translate("hoga::Json", "Expected a member name in double quotes."));
            }
            m_doc.m_stack.push_back(quint32(m_doc.m_nodes.size()));
            p = parseString(p);
            if (!p)
                return nullptr;
            p = skipWs(p);
            if (*p != ':') {
                if (p >= m_end)
                    return fail(p, QCoreApplication::translate("hoga::Json", "Unterminated object."));
                return fail(p,
                            QCoreApplication::translate("hoga::Json", "Expected ':' after a member name."));
            }
            p = skipWs(p + 1);
            m_doc.m_stack.push_back(quint32(m_doc.m_nodes.size()));
            p = parseValue(p, depth);
            if (!p)
                return nullptr;
            p = skipWs(p);
            if (*p == ',') {
                p = skipWs(p + 1);
                if (*p == '}')
                    return fail(p, QCoreApplication::translate("hoga::Json", "Trailing comma in an object."));
                continue;
            }
            if (*p == '}') {
                closeContainer(node, base);
                return p + 1;
            }
            if (p >= m_end)
                return fail(p, QCoreApplication::translate("hoga::Json", "Unterminated object."));
            return fail(p, QCoreApplication::translate("hoga::Json", "Expected ',' or '}' in an object."));
        }
    }

    JsonDocument& m_doc;
    const Ptr m_begin;
    const Ptr m_end;
    const int m_maxDepth;
};

// ---------------------------------------------------------------------------------------------------------
// JsonDocument

void JsonDocument::clear() {
    m_ok = false;
    m_error = {};
    m_nodes.clear();
    m_children.clear();
    m_decoded.clear();
    m_stack.clear();
}

bool JsonDocument::parse(std::string_view input, const JsonParseOptions& options) {
    clear();
    if (input.size() >= size_t(std::numeric_limits<quint32>::max()) - kPadding) {
        m_error.offset = 0;
        m_error.message =
            QCoreApplication::translate("hoga::Json", "The JSON text is too large (4 GiB or more).");
        return false;
    }
    m_text.assign(input.data(), input.size());
    m_text.append(kPadding, '\0');
    // Roughly one node per 8 input bytes for venue payloads; avoids regrowth on the first messages.
    if (m_nodes.capacity() < input.size() / 8)
        m_nodes.reserve(input.size() / 8);
    m_ok = JsonParser(*this, input.size(), options).run();
    if (!m_ok) {
        m_nodes.clear();
        m_children.clear();
    }
    return m_ok;
}

// ---------------------------------------------------------------------------------------------------------
// JsonValue

JsonType JsonValue::type() const {
    return m_doc ? m_doc->m_nodes[m_index].type : JsonType::Undefined;
}

qsizetype JsonValue::size() const {
    if (!m_doc)
        return 0;
    const auto& n = m_doc->m_nodes[m_index];
    if (n.type == JsonType::Array)
        return n.length;
    if (n.type == JsonType::Object)
        return n.length / 2;
    return 0;
}

JsonValue JsonValue::operator[](std::string_view key) const {
    if (!m_doc)
        return {};
    const auto& n = m_doc->m_nodes[m_index];
    if (n.type != JsonType::Object)
        return {};
    const quint32* child = m_doc->m_children.data() + n.offset;
    const size_t keySize = key.size();
    for (quint32 i = 0; i < n.length; i += 2) {
        const auto& k = m_doc->m_nodes[child[i]];
        // Length and first byte first: most members differ there, and it spares a memcmp call.
        if (k.length != keySize)
            continue;
        const char* text =
            ((k.flags & JsonDocument::kDecoded) ? m_doc->m_decoded.data() : m_doc->m_text.data()) + k.offset;
        if (keySize == 0 || (text[0] == key[0] && std::memcmp(text, key.data(), keySize) == 0))
            return JsonValue(m_doc, child[i + 1]);
    }
    return {};
}

JsonValue JsonValue::at(qsizetype i) const {
    if (!m_doc || i < 0)
        return {};
    const auto& n = m_doc->m_nodes[m_index];
    if (n.type == JsonType::Array && i < qsizetype(n.length))
        return JsonValue(m_doc, m_doc->m_children[n.offset + quint32(i)]);
    if (n.type == JsonType::Object && i < qsizetype(n.length / 2))
        return JsonValue(m_doc, m_doc->m_children[n.offset + quint32(2 * i + 1)]);
    return {};
}

std::string_view JsonValue::keyAt(qsizetype i) const {
    if (!m_doc || i < 0)
        return {};
    const auto& n = m_doc->m_nodes[m_index];
    if (n.type != JsonType::Object || i >= qsizetype(n.length / 2))
        return {};
    return m_doc->nodeText(m_doc->m_nodes[m_doc->m_children[n.offset + quint32(2 * i)]]);
}

JsonArrayRange JsonValue::elements() const {
    return JsonArrayRange(*this);
}

JsonObjectRange JsonValue::members() const {
    return JsonObjectRange(*this);
}

std::string_view JsonValue::raw() const {
    if (!m_doc)
        return {};
    const auto& n = m_doc->m_nodes[m_index];
    if (n.type != JsonType::String && n.type != JsonType::Number)
        return {};
    return m_doc->nodeText(n);
}

QString JsonValue::toString(const QString& defaultValue) const {
    const JsonType t = type();
    if (t != JsonType::String && t != JsonType::Number)
        return defaultValue;
    const std::string_view s = raw();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool JsonValue::toBool(bool defaultValue) const {
    if (type() != JsonType::Bool)
        return defaultValue;
    return m_doc->m_nodes[m_index].offset != 0;
}

std::optional<qint64> JsonValue::toInt64() const {
    const JsonType t = type();
    if (t != JsonType::String && t != JsonType::Number)
        return std::nullopt;
    const std::string_view s = raw();
    if (auto plain = parsePlainInt(s))
        return plain;
    // Exponents and zero fractions ("1.5e3", "42.0") are still exact integers.
    const std::optional<Decimal> d = Decimal::parse(s);
    if (!d || d->scale() != 0)
        return std::nullopt;
    const Int128 m = d->mantissa();
    if (m > std::numeric_limits<qint64>::max() || m < std::numeric_limits<qint64>::min())
        return std::nullopt;
    return qint64(m);
}

std::optional<Decimal> JsonValue::toDecimal() const {
    const JsonType t = type();
    if (t != JsonType::String && t != JsonType::Number)
        return std::nullopt;
    const std::string_view text = raw();
    if (auto fast = parsePlainDecimal(text))
        return fast;
    return Decimal::parse(text);
}

std::optional<Decimal> JsonValue::toDecimalRounded(Rounding mode) const {
    const JsonType t = type();
    if (t != JsonType::String && t != JsonType::Number)
        return std::nullopt;
    const std::string_view text = raw();
    if (auto fast = parsePlainDecimal(text))
        return fast;
    return Decimal::parseRounded(text, mode);
}

// ---------------------------------------------------------------------------------------------------------
// JsonWriter

void JsonWriter::beforeValue() {
    if (m_stack.empty()) {
        Q_ASSERT_X(m_out.isEmpty(), "JsonWriter", "only one top-level value");
        return;
    }
    Frame& f = m_stack.back();
    if (f.object) {
        Q_ASSERT_X(f.afterKey, "JsonWriter", "a value in an object needs a key first");
        f.afterKey = false;
    } else {
        if (f.count > 0)
            m_out.append(',');
        ++f.count;
    }
}

JsonWriter& JsonWriter::beginObject() {
    beforeValue();
    m_out.append('{');
    m_stack.push_back({true, false, 0});
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    Q_ASSERT_X(!m_stack.empty() && m_stack.back().object && !m_stack.back().afterKey, "JsonWriter",
               "endObject without a matching beginObject");
    m_stack.pop_back();
    m_out.append('}');
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    beforeValue();
    m_out.append('[');
    m_stack.push_back({false, false, 0});
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    Q_ASSERT_X(!m_stack.empty() && !m_stack.back().object, "JsonWriter", "endArray without beginArray");
    m_stack.pop_back();
    m_out.append(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    Q_ASSERT_X(!m_stack.empty() && m_stack.back().object && !m_stack.back().afterKey, "JsonWriter",
               "a key is only allowed inside an object, before its value");
    Frame& f = m_stack.back();
    if (f.count > 0)
        m_out.append(',');
    ++f.count;
    writeString(name);
    m_out.append(':');
    f.afterKey = true;
    return *this;
}

void JsonWriter::writeString(std::string_view text) {
    static const char kHex[] = "0123456789abcdef";
    m_out.append('"');
    size_t runStart = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = text[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(text.data() + runStart, qsizetype(i - runStart));
        runStart = i + 1;
        switch (c) {
        case '"':
            m_out.append("\\\"");
            break;
        case '\\':
            m_out.append("\\\\");
            break;
        case '\b':
            m_out.append("\\b");
            break;
        case '\f':
            m_out.append("\\f");
            break;
        case '\n':
            m_out.append("\\n");
            break;
        case '\r':
            m_out.append("\\r");
            break;
        case '\t':
            m_out.append("\\t");
            break;
        default: {
            const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
            m_out.append(esc, 6);
        }
        }
    }
    m_out.append(text.data() + runStart, qsizetype(text.size() - runStart));
    m_out.append('"');
}

JsonWriter& JsonWriter::rawValue(std::string_view text) {
    beforeValue();
    m_out.append(text.data(), qsizetype(text.size()));
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    beforeValue();
    writeString(text);
    return *this;
}

JsonWriter& JsonWriter::key(const QString& name) {
    const QByteArray utf8 = name.toUtf8();
    return key(std::string_view(utf8.constData(), size_t(utf8.size())));
}

JsonWriter& JsonWriter::value(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return value(std::string_view(utf8.constData(), size_t(utf8.size())));
}

JsonWriter& JsonWriter::value(bool b) {
    return rawValue(b ? "true" : "false");
}

JsonWriter& JsonWriter::nullValue() {
    return rawValue("null");
}

JsonWriter& JsonWriter::decimal(const Decimal& d, DecimalAs as) {
    const std::string text = d.toStdString();
    if (as == DecimalAs::Number)
        return rawValue(text);
    return value(std::string_view(text));
}

JsonWriter& JsonWriter::value(const JsonValue& v) {
    switch (v.type()) {
    case JsonType::Undefined:
    case JsonType::Null:
        return nullValue();
    case JsonType::Bool:
        return value(v.toBool());
    case JsonType::Number:
        return rawValue(v.raw());
    case JsonType::String:
        return value(v.raw());
    case JsonType::Array:
        beginArray();
        for (JsonValue e : v.elements())
            value(e);
        return endArray();
    case JsonType::Object:
        beginObject();
        for (const JsonMember& m : v.members()) {
            key(m.key);
            value(m.value);
        }
        return endObject();
    }
    return *this;
}

} // namespace hoga::net
