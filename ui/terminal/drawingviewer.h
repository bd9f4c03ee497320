#pragma once

#include <QDialog>
#include <QSize>

class QComboBox;
class QGraphicsPixmapItem;
class QGraphicsView;
class QLabel;
class QPdfDocument;
class QPdfView;
class QPushButton;
class QStackedWidget;

namespace ery::ui {

// A part's drawing on the floor terminal, over the whole screen: a PDF rendered with Qt PDF from
// its first page, or a photo; zoomed with a pinch, the wheel or the − / + buttons, moved by
// dragging, back to the whole page with Fit. Every control is a large touch target. With several
// files on the part (a drawing, a setup photo) a large list at the top switches between them.
class DrawingViewer : public QDialog {
    Q_OBJECT
public:
    explicit DrawingViewer(QWidget *parent = nullptr);
    ~DrawingViewer() override;

    // Shows the file at `path` (a PDF or an image, by `contentType`) under `title`; false, with the
    // reason shown, when it cannot be read.
    bool showFile(const QString &path, const QString &contentType, const QString &title);
    // The files the operator can switch between (shown only when there are several) and the one
    // shown; choosing another emits fileChosen(index).
    void setFiles(const QStringList &names, int current);
    QComboBox *fileChooser() const { return m_files; }

    QPdfDocument *document() const { return m_document; }
    QPdfView *pdfView() const { return m_pdf; }
    QGraphicsView *imageView() const { return m_image; }
    // The page shown (0 = the first), for a PDF.
    int currentPage() const;
    bool showsPdf() const;
    QPushButton *closeButton() const { return m_close; }

    // Multiplies the zoom by `factor` (a pinch, the wheel, − / +); fit() shows the whole page.
    // zoom() is relative to the fitted page (1 = fitted).
    void zoomBy(qreal factor);
    void fit();
    void goToPage(int page);
    qreal zoom() const { return m_zoom; }

    // How often a page image rendered for an earlier size was thrown away (tests).
    int staleRenders() const { return m_refreshes; }

signals:
    void fileChosen(int index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updatePage();
    void applyZoom();
    // The size in device pixels QPdfView shows the current page at.
    QSize renderedSize() const;
    // Makes QPdfView drop its page images and render the page again.
    void refreshPdf();

    QLabel *m_title;
    QComboBox *m_files;
    QLabel *m_page;
    QLabel *m_problem;
    QPushButton *m_previous, *m_next, *m_zoomOut, *m_fit, *m_zoomIn, *m_close;
    QStackedWidget *m_stack;
    QPdfDocument *m_document;
    QPdfView *m_pdf;
    QGraphicsView *m_image;
    QGraphicsPixmapItem *m_pixmap = nullptr;
    qreal m_zoom = 1.0; // of the fitted size
    int m_refreshes = 0;
    QSize m_refreshedFor; // the size the last refresh was for, until a page of that size came
};

} // namespace ery::ui
