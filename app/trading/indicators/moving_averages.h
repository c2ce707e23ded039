#pragma once

#include <QVector>

namespace hoga {

// Simple moving average of the last `period` values. Incremental: O(1) per update.
class Sma {
public:
    explicit Sma(int period);

    void update(double value);
    bool ready() const { return m_count >= m_period; }
    double value() const { return ready() ? m_sum / m_period : 0.0; }
    int period() const { return m_period; }

private:
    int m_period;
    QVector<double> m_window; // ring buffer
    int m_next = 0;
    int m_count = 0;
    double m_sum = 0.0;
};

// Exponential moving average with the usual 2/(period+1) weight, seeded with the simple average of the first
// `period` values (as StockCharts computes it), so its first value comes with the period's last value.
class Ema {
public:
    explicit Ema(int period);

    void update(double value);
    bool ready() const { return m_count >= m_period; }
    double value() const { return ready() ? m_value : 0.0; }
    int period() const { return m_period; }

private:
    int m_period;
    double m_alpha;
    int m_count = 0;
    double m_seedSum = 0.0;
    double m_value = 0.0;
};

} // namespace hoga
