#include "barcodewedge.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QWidget>

namespace ery::ui {

BarcodeWedge::BarcodeWedge(QWidget *window, QObject *parent) : QObject(parent), m_window(window)
{
    m_giveBack.setSingleShot(true);
    m_giveBack.setInterval(4 * kMaxGapMs);
    connect(&m_giveBack, &QTimer::timeout, this, &BarcodeWedge::giveBack);
    qApp->installEventFilter(this);
}

bool BarcodeWedge::ours(QWidget *w) const
{
    // The terminal window and the dialogs it opens (report production, report issue).
    for (QWidget *top = w ? w->window() : nullptr; top; top = top->parentWidget() ? top->parentWidget()->window() : nullptr)
        if (top == m_window)
            return true;
    return false;
}

void BarcodeWedge::reset()
{
    m_buffer.clear();
    m_eaten.clear();
    m_target.clear();
    m_hadField = false;
    m_giveBack.stop();
}

void BarcodeWedge::restoreField()
{
    if (!m_hadField || !m_target)
        return;
    if (auto *line = qobject_cast<QLineEdit *>(m_target.data())) {
        line->setText(m_fieldBefore);
        line->setCursorPosition(m_cursorBefore);
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(m_target.data())) {
        text->setPlainText(m_fieldBefore);
        QTextCursor c = text->textCursor();
        c.setPosition(qMin(m_cursorBefore, int(m_fieldBefore.size())));
        text->setTextCursor(c);
    }
}

void BarcodeWedge::giveBack()
{
    const QString keys = m_eaten;
    const QPointer<QWidget> target = m_target;
    reset();
    if (!target)
        return;
    m_replaying = true;
    for (const QChar c : keys) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(target, &press);
    }
    m_replaying = false;
}

bool BarcodeWedge::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || m_replaying || !watched->isWidgetType())
        return false;
    // A key a widget ignored travels on to its parents: it was seen already.
    if (event == m_lastEvent && m_lastReceiver && watched != m_lastReceiver && qobject_cast<QWidget *>(m_lastReceiver.data()) &&
        static_cast<QWidget *>(watched)->isAncestorOf(static_cast<QWidget *>(m_lastReceiver.data())))
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    if (!ours(widget))
        return false;
    m_lastEvent = event;
    m_lastReceiver = watched;

    auto *key = static_cast<QKeyEvent *>(event);
    const bool fast = !m_buffer.isEmpty() && m_sinceKey.isValid() && m_sinceKey.elapsed() < kMaxGapMs;
    m_sinceKey.restart();

    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        if (fast && m_buffer.size() >= kMinLength) {
            const QString code = m_buffer;
            restoreField();
            reset();
            emit scanned(code);
            return true;
        }
        if (!m_eaten.isEmpty())
            giveBack();
        reset();
        return false;
    }
    const QString typed = key->text();
    const bool printable = typed.size() == 1 && typed.at(0).isPrint() &&
                           !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (!printable) {
        if (!m_eaten.isEmpty())
            giveBack();
        reset();
        return false;
    }
    if (fast) {
        // Part of a burst: kept from the field until Enter tells whether it is a scan.
        m_buffer += typed;
        m_eaten += typed;
        m_giveBack.start();
        return true;
    }
    // A first key, or a person typing: it goes through; remember the field as it was before it.
    if (!m_eaten.isEmpty())
        giveBack();
    reset();
    m_buffer = typed;
    m_target = widget;
    if (auto *line = qobject_cast<QLineEdit *>(widget)) {
        m_hadField = true;
        m_fieldBefore = line->text();
        m_cursorBefore = line->cursorPosition();
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(widget)) {
        m_hadField = true;
        m_fieldBefore = text->toPlainText();
        m_cursorBefore = text->textCursor().position();
    }
    return false;
}

} // namespace ery::ui
