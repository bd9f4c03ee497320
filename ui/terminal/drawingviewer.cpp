#include "drawingviewer.h"

#include <QComboBox>
#include <QGestureEvent>
#include <QGuiApplication>
#include <QGraphicsPixmapItem>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfPageRenderer>
#include <QPdfView>
#include <QPinchGesture>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QScroller>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace ery::ui {

namespace {

constexpr int kTouchTarget = 64; // px: above the 48 px a gloved finger needs
constexpr qreal kMinZoom = 0.5, kMaxZoom = 12.0;

QPushButton *button(const QString &text, const QString &accessible, const char *name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setAccessibleName(accessible);
    b->setMinimumSize(kTouchTarget, kTouchTarget);
    b->setFocusPolicy(Qt::NoFocus);
    return b;
}

} // namespace

DrawingViewer::DrawingViewer(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("drawingViewer"));
    setWindowTitle(tr("Drawing"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("drawingTitle"));
    m_title->setProperty("heading", true);
    m_files = new QComboBox(this);
    m_files->setObjectName(QStringLiteral("drawingFiles"));
    m_files->setAccessibleName(tr("File shown"));
    m_files->setMinimumHeight(kTouchTarget);
    m_files->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_files->hide();
    connect(m_files, &QComboBox::activated, this, &DrawingViewer::fileChosen);
    m_page = new QLabel(this);
    m_page->setObjectName(QStringLiteral("drawingPage"));
    m_previous = button(tr("◀"), tr("Previous page"), "drawingPrevious", this);
    m_next = button(tr("▶"), tr("Next page"), "drawingNext", this);
    m_zoomOut = button(tr("−"), tr("Zoom out"), "drawingZoomOut", this);
    m_fit = button(tr("Fit"), tr("Show the whole page"), "drawingFit", this);
    m_zoomIn = button(tr("+"), tr("Zoom in"), "drawingZoomIn", this);
    m_close = button(tr("Close"), tr("Close the drawing"), "drawingClose", this);
    m_close->setMinimumWidth(kTouchTarget * 2);
    m_close->setProperty("go", true);

    m_document = new QPdfDocument(this);
    m_pdf = new QPdfView(this);
    m_pdf->setObjectName(QStringLiteral("drawingPdf"));
    m_pdf->setAccessibleName(tr("Drawing"));
    m_pdf->setDocument(m_document);
    m_pdf->setPageMode(QPdfView::PageMode::SinglePage);
    m_pdf->setDocumentMargins(QMargins(8, 8, 8, 8));
    // QPdfView (Qt 6.4) keeps whatever page image its renderer hands back, even one asked for
    // before the last zoom or resize (the small one rendered while the dialog was still opening),
    // and then draws it stretched and blurred without asking again. A page rendered at a size the
    // view no longer shows is thrown away here, after the view took it, so the next paint asks
    // for one of the right size.
    if (auto *renderer = m_pdf->findChild<QPdfPageRenderer *>()) {
        connect(renderer, &QPdfPageRenderer::pageRendered, this,
                [this](int page, QSize imageSize) {
                    // Once per size shown until a page of that size arrives: should the view
                    // ever ask for another size than worked out here, it is not asked again
                    // and again.
                    const QSize shown = renderedSize();
                    if (page != currentPage())
                        return;
                    if (imageSize == shown)
                        m_refreshedFor = QSize();
                    else if (shown != m_refreshedFor) {
                        m_refreshedFor = shown;
                        refreshPdf();
                    }
                },
                Qt::QueuedConnection);
    }
    m_image = new QGraphicsView(this);
    m_image->setObjectName(QStringLiteral("drawingImage"));
    m_image->setAccessibleName(tr("Photo"));
    m_image->setScene(new QGraphicsScene(m_image));
    m_image->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    m_image->setRenderHint(QPainter::SmoothPixmapTransform);
    m_image->setDragMode(QGraphicsView::ScrollHandDrag);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setAlignment(Qt::AlignCenter);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_pdf);
    m_stack->addWidget(m_image);
    m_stack->addWidget(m_problem);

    // Drag to pan (a finger or the mouse), pinch and the wheel to zoom.
    for (QAbstractScrollArea *area : {static_cast<QAbstractScrollArea *>(m_pdf), static_cast<QAbstractScrollArea *>(m_image)}) {
        area->setFrameShape(QFrame::NoFrame);
        area->viewport()->grabGesture(Qt::PinchGesture);
        area->viewport()->installEventFilter(this);
        area->viewport()->setAttribute(Qt::WA_AcceptTouchEvents);
    }
    QScroller::grabGesture(m_pdf->viewport(), QScroller::LeftMouseButtonGesture);
    QScroller::grabGesture(m_image->viewport(), QScroller::TouchGesture);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(10);
    bar->addWidget(m_title, 1);
    bar->addWidget(m_files);
    bar->addWidget(m_previous);
    bar->addWidget(m_page);
    bar->addWidget(m_next);
    bar->addSpacing(16);
    bar->addWidget(m_zoomOut);
    bar->addWidget(m_fit);
    bar->addWidget(m_zoomIn);
    bar->addSpacing(16);
    bar->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 12);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_zoomIn, &QPushButton::clicked, this, [this] { zoomBy(1.25); });
    connect(m_zoomOut, &QPushButton::clicked, this, [this] { zoomBy(0.8); });
    connect(m_fit, &QPushButton::clicked, this, &DrawingViewer::fit);
    connect(m_previous, &QPushButton::clicked, this, [this] { goToPage(currentPage() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { goToPage(currentPage() + 1); });
    connect(m_pdf->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this, &DrawingViewer::updatePage);
    connect(m_document, &QPdfDocument::pageCountChanged, this, &DrawingViewer::updatePage);
    updatePage();
}

DrawingViewer::~DrawingViewer()
{
    // The document closes as it goes and says so; nothing here may hear it by then.
    m_document->disconnect(this);
    m_pdf->setDocument(nullptr);
}

bool DrawingViewer::showFile(const QString &path, const QString &contentType, const QString &title)
{
    m_title->setText(title);
    m_zoom = 1.0;
    m_document->close();
    if (contentType == QLatin1String("application/pdf")) {
        const QPdfDocument::Error error = m_document->load(path);
        if (error == QPdfDocument::Error::None && m_document->pageCount() > 0) {
            m_stack->setCurrentWidget(m_pdf);
            fit();
            goToPage(0); // the title block and the main view are on the first page
            updatePage();
            return true;
        }
        m_problem->setText(tr("This drawing cannot be shown: the PDF file is damaged or protected. Ask the office for a new copy."));
    } else {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        if (!image.isNull()) {
            m_image->scene()->clear();
            m_pixmap = m_image->scene()->addPixmap(QPixmap::fromImage(image));
            m_pixmap->setTransformationMode(Qt::SmoothTransformation);
            m_image->scene()->setSceneRect(m_pixmap->boundingRect());
            m_stack->setCurrentWidget(m_image);
            fit();
            updatePage();
            return true;
        }
        m_problem->setText(tr("This picture cannot be shown: %1").arg(reader.errorString()));
    }
    m_stack->setCurrentWidget(m_problem);
    updatePage();
    return false;
}

void DrawingViewer::setFiles(const QStringList &names, int current)
{
    const QSignalBlocker quiet(m_files);
    m_files->clear();
    m_files->addItems(names);
    m_files->setCurrentIndex(current);
    m_files->setVisible(names.size() > 1);
}

bool DrawingViewer::showsPdf() const
{
    return m_stack->currentWidget() == m_pdf;
}

int DrawingViewer::currentPage() const
{
    return showsPdf() ? m_pdf->pageNavigator()->currentPage() : 0;
}

void DrawingViewer::goToPage(int page)
{
    if (!showsPdf() || page < 0 || page >= m_document->pageCount())
        return;
    m_pdf->pageNavigator()->jump(page, QPointF(), m_pdf->zoomFactor());
    applyZoom(); // a sheet of another size fits again at the same zoom
    updatePage();
}

void DrawingViewer::fit()
{
    m_zoom = 1.0;
    applyZoom();
}

void DrawingViewer::zoomBy(qreal factor)
{
    const qreal zoom = qBound(kMinZoom, m_zoom * factor, kMaxZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    m_zoom = zoom;
    applyZoom();
}

void DrawingViewer::applyZoom()
{
    if (showsPdf()) {
        // The page fitted to the screen, times the zoom. QPdfView draws a point at the screen's
        // logical resolution times its zoom factor; its own FitInView leaves the page's foot
        // below the screen on Qt 6.4, so the fit is worked out here.
        const QSizeF page = m_document->pagePointSize(currentPage());
        const QMargins margins = m_pdf->documentMargins();
        // QPdfView lays out the spacing after a page even when it shows one: counted here, or the
        // fitted page is a few pixels too tall and a scroll bar appears.
        const QSize room = m_pdf->viewport()->size()
                           - QSize(margins.left() + margins.right(), margins.top() + margins.bottom() + m_pdf->pageSpacing());
        const qreal perPoint = qMax<qreal>(1.0, logicalDpiY()) / 72.0;
        const qreal fitted = page.isEmpty() || room.isEmpty()
                                 ? 1.0
                                 : qMin(room.width() / page.width(), room.height() / page.height()) / perPoint;
        m_pdf->setZoomMode(QPdfView::ZoomMode::Custom);
        m_pdf->setZoomFactor(fitted * m_zoom);
    } else if (m_pixmap) {
        m_image->resetTransform();
        m_image->fitInView(m_pixmap, Qt::KeepAspectRatio);
        m_image->scale(m_zoom, m_zoom);
    }
}

QSize DrawingViewer::renderedSize() const
{
    // As QPdfView lays the page out: points × the screen's logical dots per point × its zoom, in
    // device pixels.
    const qreal perPoint = QGuiApplication::primaryScreen()->logicalDotsPerInch() / 72.0;
    const QSize page = QSizeF(m_document->pagePointSize(currentPage()) * perPoint * m_pdf->zoomFactor()).toSize();
    return page * m_pdf->devicePixelRatioF();
}

void DrawingViewer::refreshPdf()
{
    // Any change of the view's layout clears its page images; the spacing between pages is
    // invisible with one page shown.
    const int spacing = m_pdf->pageSpacing();
    m_pdf->setPageSpacing(spacing + 1);
    m_pdf->setPageSpacing(spacing);
    ++m_refreshes;
}

bool DrawingViewer::eventFilter(QObject *watched, QEvent *event)
{
    // A new size (the dialog going full screen, a turned tablet) keeps the zoom of the fitted page.
    if (event->type() == QEvent::Resize && (watched == m_pdf->viewport() || watched == m_image->viewport()))
        QMetaObject::invokeMethod(this, &DrawingViewer::applyZoom, Qt::QueuedConnection);
    if (event->type() == QEvent::Gesture) {
        auto *gesture = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(gesture->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
                zoomBy(pinch->scaleFactor());
            gesture->accept(pinch);
            return true;
        }
    }
    if (event->type() == QEvent::Wheel) {
        const auto *wheel = static_cast<QWheelEvent *>(event);
        const int steps = wheel->angleDelta().y();
        if (steps != 0)
            zoomBy(steps > 0 ? 1.15 : 1 / 1.15);
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void DrawingViewer::updatePage()
{
    const bool pdf = showsPdf();
    const int pages = pdf ? m_document->pageCount() : 0;
    m_page->setVisible(pages > 1);
    m_previous->setVisible(pages > 1);
    m_next->setVisible(pages > 1);
    m_page->setText(tr("Page %1 of %2").arg(currentPage() + 1).arg(pages));
    m_previous->setEnabled(currentPage() > 0);
    m_next->setEnabled(currentPage() + 1 < pages);
    const bool shown = m_stack->currentWidget() != m_problem;
    m_zoomIn->setEnabled(shown);
    m_zoomOut->setEnabled(shown);
    m_fit->setEnabled(shown);
}

} // namespace ery::ui
