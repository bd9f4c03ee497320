#pragma once

#include <QLabel>

namespace ery::ui {

// A panel's name at its top left, in the one size and weight every panel uses.
class PageTitle : public QLabel {
    Q_OBJECT
public:
    explicit PageTitle(const QString &text, QWidget *parent = nullptr);
};

} // namespace ery::ui
