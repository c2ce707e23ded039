#include "notice_banner.h"

#include <QHBoxLayout>
#include <QLabel>

namespace hoga {

NoticeBanner::NoticeBanner(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this)) {
    setObjectName(QStringLiteral("noticeBanner"));
    m_label->setObjectName(QStringLiteral("noticeBannerText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* icon = new QLabel(QStringLiteral("⚠"), this);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 6, 14, 6);
    layout->setSpacing(8);
    layout->addWidget(icon);
    layout->addWidget(m_label, 1);
    setVisible(false);
}

void NoticeBanner::setText(const QString& text) {
    m_label->setText(text);
    setVisible(!text.isEmpty());
}

QString NoticeBanner::text() const {
    return m_label->text();
}

} // namespace hoga
