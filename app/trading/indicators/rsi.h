#pragma once

namespace hoga {

// Relative strength index with Wilder's smoothing: the first average gain and loss are simple averages of
// the first `period` changes, later ones avg = (avg * (period - 1) + change) / period. Needs period + 1
// values before its first value.
class Rsi {
public:
    explicit Rsi(int period = 14);

    void update(double value);
    bool ready() const { return m_changes >= m_period; }
    double value() const; // 0..100; 100 when there were no losses
    int period() const { return m_period; }

private:
    int m_period;
    bool m_hasPrevious = false;
    double m_previous = 0.0;
    int m_changes = 0;
    double m_avgGain = 0.0;
    double m_avgLoss = 0.0;
};

} // namespace hoga
