package kz.qorgau.signals.school;

/**
 * The class's marks per subject: the year's mean and standard deviation, and each month's mean
 * shrunk towards the year's, so that a mark can be read as "how far from the class this month".
 */
final class GradeNorms {

    private final int subjects;
    private final int months;
    private final double[] yearMean;
    private final double[] yearSpread;
    private final double[] monthMean;

    GradeNorms(ScanContext context) {
        int classes = context.classes.size();
        this.subjects = Math.max(1, context.subjects.size());
        this.months = context.months();
        var rule = context.config.gradeDecline();
        int cells = classes * subjects;
        double[] count = new double[cells];
        double[] sum = new double[cells];
        double[] squares = new double[cells];
        double[] monthCount = new double[cells * months];
        double[] monthSum = new double[cells * months];
        for (StudentYear student : context.students) {
            for (int i = 0; i < student.markCount; i++) {
                long mark = student.marks[i];
                int cell = student.classIndex * subjects + StudentYear.markSubject(mark);
                double value = StudentYear.markValue(mark);
                count[cell]++;
                sum[cell] += value;
                squares[cell] += value * value;
                int monthCell = cell * months + context.monthOf[StudentYear.markDay(mark)];
                monthCount[monthCell]++;
                monthSum[monthCell] += value;
            }
        }
        yearMean = new double[cells];
        yearSpread = new double[cells];
        monthMean = new double[cells * months];
        for (int cell = 0; cell < cells; cell++) {
            if (count[cell] == 0) {
                continue;
            }
            double mean = sum[cell] / count[cell];
            double variance = Math.max(0, squares[cell] / count[cell] - mean * mean);
            yearMean[cell] = mean;
            yearSpread[cell] = Math.max(rule.minClassSpread(), Math.sqrt(variance));
            for (int month = 0; month < months; month++) {
                int monthCell = cell * months + month;
                monthMean[monthCell] = (monthSum[monthCell] + rule.monthShrinkage() * mean)
                        / (monthCount[monthCell] + rule.monthShrinkage());
            }
        }
    }

    /** The mark in class standard deviations from the class's mean in that subject and month. */
    double standardized(int schoolClass, long mark, int month) {
        int cell = schoolClass * subjects + StudentYear.markSubject(mark);
        return (StudentYear.markValue(mark) - monthMean[cell * months + month]) / yearSpread[cell];
    }
}
