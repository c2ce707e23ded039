#pragma once

#include <QVector>

namespace hoga {

// Bollinger bands: the simple moving average of the last `period` values and bands `k` population standard
// deviations above and below it (John Bollinger's definition, as StockCharts computes it).
class BollingerBands {
public:
    BollingerBands(int period = 20, double k = 2.0);

    void update(double value);
    bool ready() const { return m_count >= m_period; }
    double middle() const { return m_middle; }
    double upper() const { return m_middle + m_k * m_deviation; }
    double lower() const { return m_middle - m_k * m_deviation; }
    double deviation() const { return m_deviation; }
    double value() const { return m_middle; }

private:
    int m_period;
    double m_k;
    QVector<double> m_window; // ring buffer; recomputed per update for accuracy (periods are small)
    int m_next = 0;
    int m_count = 0;
    double m_middle = 0.0;
    double m_deviation = 0.0;
};

} // namespace hoga
