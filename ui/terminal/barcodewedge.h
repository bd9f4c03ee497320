#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QKeyEvent;
class QWidget;

namespace ery::ui {

// A barcode scanner on a floor terminal is a keyboard: it types the code much faster than a
// person (under 30 ms a key) and ends with Enter. Watching the application's key presses for
// `window`, this tells such a burst from typing: from its second key on the keys are eaten, and
// when Enter ends it the field the burst began in gets back the text it had, so a scan never
// lands in the PIN or a note. A fast pair of keys without Enter was a person after all: the eaten
// keys are handed to the field as if typed.
class BarcodeWedge : public QObject {
    Q_OBJECT
public:
    BarcodeWedge(QWidget *window, QObject *parent = nullptr);

    // The longest pause between the keys of one scan.
    static constexpr int kMaxGapMs = 30;
    // A scan is at least this long (one or two fast keys are a person's roll-over).
    static constexpr int kMinLength = 3;

signals:
    void scanned(const QString &code);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool ours(QWidget *w) const;
    void reset();
    // The burst did not end in Enter: give the eaten keys back to where they were going.
    void giveBack();
    void restoreField();

    QPointer<QWidget> m_window;
    QString m_buffer;         // the burst so far
    QString m_eaten;          // its keys that were kept from the field
    QPointer<QWidget> m_target;
    QString m_fieldBefore;    // the field's text before the burst's first key
    int m_cursorBefore = 0;
    bool m_hadField = false;
    QElapsedTimer m_sinceKey;
    QTimer m_giveBack;
    QPointer<QObject> m_lastReceiver;
    const QEvent *m_lastEvent = nullptr;
    bool m_replaying = false;
};

} // namespace ery::ui
