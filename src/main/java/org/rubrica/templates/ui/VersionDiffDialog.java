package org.rubrica.templates.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;

import org.rubrica.templates.DiffLine;

/** Two versions side by side; changed, added and removed lines are coloured. */
class VersionDiffDialog extends Dialog {

    VersionDiffDialog(int olderNo, int newerNo, List<DiffLine> lines) {
        setHeaderTitle(getTranslation("template.compare.title", olderNo, newerNo));
        setWidth("90vw");
        setHeight("85vh");
        Grid<DiffLine> grid = new Grid<>();
        grid.addClassName("version-diff");
        grid.addColumn(DiffLine::older).setHeader(getTranslation("template.version") + " " + olderNo);
        grid.addColumn(DiffLine::newer).setHeader(getTranslation("template.version") + " " + newerNo);
        grid.setPartNameGenerator(line -> "diff-" + line.change().name().toLowerCase());
        grid.setItems(lines);
        grid.setSizeFull();
        add(grid);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }
}
