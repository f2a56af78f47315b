using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ContactCenter.Portal.Resources;

/// <summary>
/// MudBlazor's own texts (pagers, date pickers, dialogs, uploads, clear buttons…) in Ukrainian, so nothing English is
/// left on a screen. A key not listed here falls back to MudBlazor's default.
/// </summary>
public sealed class UkrainianMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["MudAlert_Close"] = "Закрити",
        ["MudBaseDatePicker_NextMonth"] = "Наступний місяць",
        ["MudBaseDatePicker_NextYear"] = "Наступний рік",
        ["MudBaseDatePicker_Open"] = "Відкрити календар",
        ["MudBaseDatePicker_PrevMonth"] = "Попередній місяць",
        ["MudBaseDatePicker_PrevYear"] = "Попередній рік",
        ["MudBreadcrumbs_Label"] = "Навігаційний ланцюжок",
        ["MudChip_Close"] = "Прибрати",
        ["MudDataGridPager_AllItems"] = "Усі",
        ["MudDataGridPager_FirstPage"] = "Перша сторінка",
        ["MudDataGridPager_InfoFormat"] = "{first_item}–{last_item} з {all_items}",
        ["MudDataGridPager_LastPage"] = "Остання сторінка",
        ["MudDataGridPager_NextPage"] = "Наступна сторінка",
        ["MudDataGridPager_PreviousPage"] = "Попередня сторінка",
        ["MudDataGridPager_RowsPerPage"] = "Рядків на сторінці:",
        ["MudDataGrid_Apply"] = "Застосувати",
        ["MudDataGrid_Cancel"] = "Скасувати",
        ["MudDataGrid_Clear"] = "Очистити",
        ["MudDataGrid_ClearFilter"] = "Скинути фільтр",
        ["MudDataGrid_Contains"] = "містить",
        ["MudDataGrid_EndsWith"] = "закінчується на",
        ["MudDataGrid_Equals"] = "дорівнює",
        ["MudDataGrid_Filter"] = "Фільтр",
        ["MudDataGrid_Loading"] = "Завантаження…",
        ["MudDataGrid_NotContains"] = "не містить",
        ["MudDataGrid_NotEquals"] = "не дорівнює",
        ["MudDataGrid_Save"] = "Зберегти",
        ["MudDataGrid_StartsWith"] = "починається з",
        ["MudDataGrid_Value"] = "Значення",
        ["MudDateRangePicker_End"] = "Кінець",
        ["MudDateRangePicker_Start"] = "Початок",
        ["MudDialog_Close"] = "Закрити",
        ["MudExitPrompt_Cancel"] = "Скасувати",
        ["MudExitPrompt_Exit"] = "Вийти",
        ["MudExitPrompt_Text"] = "Зміни не збережено. Вийти без збереження?",
        ["MudExitPrompt_Title"] = "Незбережені зміни",
        ["MudFileUpload_Button"] = "Обрати файл",
        ["MudFileUpload_DragAndDrop"] = "Перетягніть файли сюди",
        ["MudFileUpload_FileSizeError"] = "Файл завеликий.",
        ["MudFileUpload_MaximumFileCountExceeded"] = "Забагато файлів.",
        ["MudFormComponent_Required"] = "Обов'язкове поле",
        ["MudInput_Clear"] = "Очистити",
        ["MudInput_Decrement"] = "Зменшити",
        ["MudInput_Increment"] = "Збільшити",
        ["MudNavGroup_ToggleExpand"] = "Розгорнути або згорнути",
        ["MudPagination_CurrentPage"] = "Поточна сторінка",
        ["MudPagination_FirstPage"] = "Перша сторінка",
        ["MudPagination_LastPage"] = "Остання сторінка",
        ["MudPagination_NextPage"] = "Наступна сторінка",
        ["MudPagination_PageIndex"] = "Сторінка {0}",
        ["MudPagination_PreviousPage"] = "Попередня сторінка",
        ["MudRangeInput_End"] = "Кінець",
        ["MudRangeInput_Start"] = "Початок",
        ["MudSelect_SelectAll"] = "Вибрати все",
        ["MudSnackbar_Close"] = "Закрити",
        ["MudStepper_Complete"] = "Завершити",
        ["MudStepper_Next"] = "Далі",
        ["MudStepper_Previous"] = "Назад",
        ["MudStepper_Reset"] = "Спочатку",
        ["MudStepper_Skip"] = "Пропустити",
        ["MudTablePager_FirstPage"] = "Перша сторінка",
        ["MudTablePager_LastPage"] = "Остання сторінка",
        ["MudTablePager_NextPage"] = "Наступна сторінка",
        ["MudTablePager_PreviousPage"] = "Попередня сторінка",
        ["MudTable_CancelEditRow"] = "Скасувати",
        ["MudTable_CommitRow"] = "Зберегти",
        ["MudTable_EditRow"] = "Редагувати",
        ["MudTable_Loading"] = "Завантаження…",
        ["MudTable_SelectAllRows"] = "Вибрати всі рядки",
        ["MudTable_SelectRow"] = "Вибрати рядок",
        ["MudTabs_ScrollLeft"] = "Прокрутити ліворуч",
        ["MudTabs_ScrollRight"] = "Прокрутити праворуч",
        ["MudTimePicker_Open"] = "Відкрити вибір часу",
        ["MudTreeView_CollapseItem"] = "Згорнути",
        ["MudTreeView_ExpandItem"] = "Розгорнути",
    };

    public override LocalizedString this[string key] =>
        Texts.TryGetValue(key, out var text) ? new LocalizedString(key, text) : new LocalizedString(key, key, resourceNotFound: true);

    /// <summary>Whether a key of MudBlazor's has a Ukrainian text here (for tests that look for English left over).</summary>
    public static bool Translates(string key) => Texts.ContainsKey(key);
}
