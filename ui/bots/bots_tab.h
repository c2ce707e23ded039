#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableView;

namespace hoga {

class BotDetailPanel;
class BotEditorDialog;
class BotTableModel;
class ProfileEngine;

// The Bots tab: the profile's bots in a live table, buttons to create, edit, start, pause, resume, stop,
// delete and duplicate the selected one, and the selected bot's orders, fills, log and PnL chart below.
class BotsTab : public QWidget {
    Q_OBJECT
public:
    explicit BotsTab(ProfileEngine* engine, QWidget* parent = nullptr);

    // Asks the user a yes/no question (tests answer it themselves).
    using Confirm = std::function<bool(QWidget* parent, const QString& title, const QString& text)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    static bool askUser(QWidget* parent, const QString& title, const QString& text);

    QTableView* table() const { return m_table; }
    BotTableModel* model() const { return m_model; }
    BotDetailPanel* details() const { return m_details; }
    QString selectedBot() const;
    void selectBot(const QString& id);
    // The editor opened last by "New bot" or "Edit" (null when none is open).
    BotEditorDialog* editor() const { return m_editor; }

    // Where a new bot trades unless the user picks otherwise: the window's current venue and market.
    void setCurrentMarket(std::function<std::pair<QString, QString>()> current) {
        m_current = std::move(current);
    }

    void newBot();
    void editBot();

private:
    void updateButtons();
    void onSelection();
    void openEditor(bool editing);

    ProfileEngine* m_engine;
    BotTableModel* m_model;
    QTableView* m_table;
    BotDetailPanel* m_details;
    QLabel* m_haltBanner;
    QPushButton* m_new;
    QPushButton* m_edit;
    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_resume;
    QPushButton* m_stop;
    QPushButton* m_delete;
    QPushButton* m_duplicate;
    BotEditorDialog* m_editor = nullptr;
    Confirm m_confirm = &BotsTab::askUser;
    std::function<std::pair<QString, QString>()> m_current;
};

} // namespace hoga
