#pragma once

#include <QColor>

namespace hoga {

// Which colours mean "up": the user's choice in View → Colour convention.
enum class ColorConvention { Korean, International };

// Colours for rising and falling prices. Korean convention: red up, blue down; international: green up,
// red down. The user picks one in the View menu.
struct PriceColors {
    QColor up;
    QColor down;
    QColor neutral;

    static PriceColors korean() {
        return {QColor(0xe0, 0x3e, 0x3e), QColor(0x1f, 0x6f, 0xeb), QColor(0x80, 0x86, 0x90)};
    }
    static PriceColors international() {
        return {QColor(0x16, 0xa3, 0x4a), QColor(0xdc, 0x26, 0x26), QColor(0x80, 0x86, 0x90)};
    }
    static PriceColors forConvention(ColorConvention c) {
        return c == ColorConvention::Korean ? korean() : international();
    }
    QColor forSign(int sign) const { return sign > 0 ? up : (sign < 0 ? down : neutral); }
};

} // namespace hoga
