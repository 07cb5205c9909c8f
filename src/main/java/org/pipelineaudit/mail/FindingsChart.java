package org.pipelineaudit.mail;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The findings-by-rule bar chart embedded in a manager's email, drawn with the reports' CJK font. */
final class FindingsChart {

    private static final Font FONT = loadFont();

    private FindingsChart() {
    }

    static Path write(Path file, String title, Map<String, Integer> byRule) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        byRule.forEach((rule, n) -> {
            if (n > 0) {
                data.addValue(n, "findings", rule);
            }
        });
        JFreeChart chart = ChartFactory.createBarChart(title, null, null, data, PlotOrientation.HORIZONTAL, false, false, false);
        chart.getTitle().setFont(FONT.deriveFont(Font.BOLD, 16f));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setTickLabelFont(FONT.deriveFont(11f));
        plot.getRangeAxis().setTickLabelFont(FONT.deriveFont(11f));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setSeriesPaint(0, new Color(70, 130, 180));
        Files.createDirectories(file.toAbsolutePath().getParent());
        int height = Math.max(160, 60 + 22 * data.getColumnCount());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 640, height);
        return file;
    }

    private static Font loadFont() {
        try (InputStream in = FindingsChart.class.getResourceAsStream("/fonts/WenQuanYiMicroHei.ttf")) {
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (IOException | FontFormatException | NullPointerException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        }
    }
}
