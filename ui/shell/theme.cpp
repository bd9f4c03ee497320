#include "theme.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPixmap>
#include <QSettings>
#include <QStyleFactory>
#include <QSvgRenderer>

namespace ery::ui {

namespace {

bool lightnessIsDark(const QColor &c)
{
    return c.lightness() < 128;
}

// The GTK theme's name or its "prefer dark" switch, from the environment or settings.ini.
bool gtkPrefersDark()
{
    const QString env = qEnvironmentVariable("GTK_THEME");
    if (!env.isEmpty())
        return env.contains(QLatin1String("dark"), Qt::CaseInsensitive);
    const QString path = QDir::homePath() + QStringLiteral("/.config/gtk-3.0/settings.ini");
    if (!QFile::exists(path))
        return false;
    const QSettings gtk(path, QSettings::IniFormat);
    const QString prefer = gtk.value(QStringLiteral("Settings/gtk-application-prefer-dark-theme")).toString();
    return prefer == QLatin1String("1") || prefer.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 ||
           gtk.value(QStringLiteral("Settings/gtk-theme-name")).toString().contains(QLatin1String("dark"), Qt::CaseInsensitive);
}

// KDE keeps the window background of its colour scheme in kdeglobals as "r,g,b".
bool kdePrefersDark()
{
    const QString path = QDir::homePath() + QStringLiteral("/.config/kdeglobals");
    if (!QFile::exists(path))
        return false;
    const QSettings kde(path, QSettings::IniFormat);
    const QStringList rgb = kde.value(QStringLiteral("Colors:Window/BackgroundNormal")).toStringList();
    if (rgb.size() != 3)
        return false;
    return lightnessIsDark(QColor(rgb[0].toInt(), rgb[1].toInt(), rgb[2].toInt()));
}

void setAllGroups(QPalette &p, QPalette::ColorRole role, const QColor &c)
{
    p.setColor(QPalette::Active, role, c);
    p.setColor(QPalette::Inactive, role, c);
    p.setColor(QPalette::Disabled, role, c);
}

struct Colours {
    QColor window, windowText, base, alternateBase, toolTipBase, toolTipText, placeholder, button, light, midlight, mid, dark, shadow,
        highlight, highlightedText, link, linkVisited, brightText, disabledText, disabledHighlight;
};

QPalette build(const Colours &c)
{
    QPalette p;
    setAllGroups(p, QPalette::Window, c.window);
    setAllGroups(p, QPalette::WindowText, c.windowText);
    setAllGroups(p, QPalette::Base, c.base);
    setAllGroups(p, QPalette::AlternateBase, c.alternateBase);
    setAllGroups(p, QPalette::ToolTipBase, c.toolTipBase);
    setAllGroups(p, QPalette::ToolTipText, c.toolTipText);
    setAllGroups(p, QPalette::PlaceholderText, c.placeholder);
    setAllGroups(p, QPalette::Text, c.windowText);
    setAllGroups(p, QPalette::Button, c.button);
    setAllGroups(p, QPalette::ButtonText, c.windowText);
    setAllGroups(p, QPalette::BrightText, c.brightText);
    setAllGroups(p, QPalette::Light, c.light);
    setAllGroups(p, QPalette::Midlight, c.midlight);
    setAllGroups(p, QPalette::Mid, c.mid);
    setAllGroups(p, QPalette::Dark, c.dark);
    setAllGroups(p, QPalette::Shadow, c.shadow);
    setAllGroups(p, QPalette::Highlight, c.highlight);
    setAllGroups(p, QPalette::HighlightedText, c.highlightedText);
    setAllGroups(p, QPalette::Link, c.link);
    setAllGroups(p, QPalette::LinkVisited, c.linkVisited);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.disabledHighlight);
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, c.window);
    return p;
}

} // namespace

std::optional<Theme::Mode> Theme::parse(const QString &name)
{
    if (name == QLatin1String("light"))
        return Mode::Light;
    if (name == QLatin1String("dark"))
        return Mode::Dark;
    if (name == QLatin1String("system"))
        return Mode::System;
    return std::nullopt;
}

// Qt 6.4 has no colour scheme API (QStyleHints::colorScheme came in 6.5). The palette the platform
// theme hands the application is the best witness: the GNOME, KDE, Windows and macOS integrations
// give a dark one when the desktop is dark. Where no platform theme is loaded (a bare X11 session,
// xcb without the GTK plugin) the palette is Qt's light default whatever the desktop says, so the
// GTK and KDE settings files, plain INI files, are read as well.
bool Theme::systemPrefersDark()
{
    const QPalette platform = QGuiApplication::palette();
    if (lightnessIsDark(platform.color(QPalette::Window)))
        return true;
    return gtkPrefersDark() || kdePrefersDark();
}

QPalette Theme::lightPalette()
{
    // Dark grey text on white and near-white: 15:1 on Base; the highlight's blue takes white text at 5:1.
    return build({.window = QColor(0xf3f4f6),
                  .windowText = QColor(0x1f2328),
                  .base = QColor(0xffffff),
                  .alternateBase = QColor(0xf4f6f8),
                  .toolTipBase = QColor(0xfffbe6),
                  .toolTipText = QColor(0x1f2328),
                  .placeholder = QColor(0x5f6672),
                  .button = QColor(0xe9ebee),
                  .light = QColor(0xffffff),
                  .midlight = QColor(0xe3e5e9),
                  .mid = QColor(0xc4c8ce),
                  .dark = QColor(0x9ea3aa),
                  .shadow = QColor(0x6b7077),
                  .highlight = QColor(0x2f6fb3),
                  .highlightedText = QColor(0xffffff),
                  .link = QColor(0x0b5cad),
                  .linkVisited = QColor(0x6f42c1),
                  .brightText = QColor(0xffffff),
                  .disabledText = QColor(0x8d939b),
                  .disabledHighlight = QColor(0xc4c8ce)});
}

QPalette Theme::darkPalette()
{
    // Light grey text on charcoal: 12:1 on Base. Not black: bordered tables and cards stay visible.
    return build({.window = QColor(0x2b2d31),
                  .windowText = QColor(0xe4e6ea),
                  .base = QColor(0x1f2023),
                  .alternateBase = QColor(0x27292d),
                  .toolTipBase = QColor(0x3b3e44),
                  .toolTipText = QColor(0xf0f1f3),
                  .placeholder = QColor(0xa0a5ad),
                  .button = QColor(0x393c41),
                  .light = QColor(0x55595f),
                  .midlight = QColor(0x45484e),
                  .mid = QColor(0x202124),
                  .dark = QColor(0x18191b),
                  .shadow = QColor(0x0c0c0d),
                  .highlight = QColor(0x3b78c9),
                  .highlightedText = QColor(0xffffff),
                  .link = QColor(0x79b8ff),
                  .linkVisited = QColor(0xc5a3ff),
                  .brightText = QColor(Qt::black),
                  .disabledText = QColor(0x7b8088),
                  .disabledHighlight = QColor(0x45484e)});
}

void Theme::apply(Mode mode)
{
    // Decided before the style is set: setting Fusion replaces the palette the platform gave.
    const bool dark = mode == Mode::Dark || (mode == Mode::System && systemPrefersDark());
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
}

bool Theme::isDark()
{
    return lightnessIsDark(QGuiApplication::palette().color(QPalette::Base));
}

QColor Theme::errorColor()
{
    return isDark() ? QColor(0xff8a80) : QColor(0xb3261e);
}

QColor Theme::warningColor()
{
    return isDark() ? QColor(0xffb74d) : QColor(0xa04a00);
}

QColor Theme::successColor()
{
    return isDark() ? QColor(0x81c784) : QColor(0x2e7d32);
}

QColor Theme::mutedColor()
{
    return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
}

QIcon Theme::icon(const QString &name)
{
    const QPalette pal = QGuiApplication::palette();
    const QString key = name + pal.color(QPalette::WindowText).name();
    static QHash<QString, QIcon> cache;
    if (const auto it = cache.constFind(key); it != cache.cend())
        return *it;

    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray svg = file.readAll();
    // The icons are drawn in "currentColor"; each state gets its own copy in its own colour.
    const auto render = [&svg](const QColor &colour, int size) {
        QByteArray tinted = svg;
        tinted.replace("currentColor", colour.name().toLatin1());
        QSvgRenderer renderer(tinted);
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        renderer.render(&p);
        return pm;
    };
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        icon.addPixmap(render(pal.color(QPalette::WindowText), size), QIcon::Normal);
        icon.addPixmap(render(pal.color(QPalette::HighlightedText), size), QIcon::Selected);
        icon.addPixmap(render(pal.color(QPalette::Disabled, QPalette::WindowText), size), QIcon::Disabled);
    }
    cache.insert(key, icon);
    return icon;
}

} // namespace ery::ui
