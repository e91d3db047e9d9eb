package com.paysaga.saga.routing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** The calendars partner profiles name, and the rules behind each. */
public final class BusinessCalendars {

    public static final String US_FEDERAL_RESERVE = "US_FEDERAL_RESERVE";
    public static final String TARGET2 = "TARGET2";
    public static final String WEEKDAYS = "WEEKDAYS";
    public static final String EVERY_DAY = "EVERY_DAY";
    public static final List<String> NAMES = List.of(US_FEDERAL_RESERVE, TARGET2, WEEKDAYS, EVERY_DAY);

    private BusinessCalendars() {
    }

    public static BusinessCalendar named(String name) {
        return switch (name == null ? "" : name) {
            case US_FEDERAL_RESERVE -> new UsFederalReserve();
            case TARGET2 -> new Target2();
            case WEEKDAYS -> new Simple(WEEKDAYS, true);
            case EVERY_DAY -> new Simple(EVERY_DAY, false);
            default -> throw new IllegalArgumentException("unknown business calendar '" + name + "'; expected one of " + NAMES);
        };
    }

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    static LocalDate nthWeekday(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    static LocalDate lastWeekday(int year, Month month, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(day));
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * Federal Reserve Banks' holiday schedule (the days FedACH and Fedwire do not settle):
     * New Year's Day, Martin Luther King Jr.'s Birthday, Washington's Birthday, Memorial Day,
     * Juneteenth (from 2022), Independence Day, Labor Day, Columbus Day, Veterans Day,
     * Thanksgiving Day, Christmas Day. A holiday on a Sunday closes the Banks the following
     * Monday; a holiday on a Saturday does not close them the Friday before (the Board of
     * Governors closes, the Reserve Banks stay open), so no Friday is lost.
     */
    static final class UsFederalReserve implements BusinessCalendar {

        @Override
        public String name() {
            return US_FEDERAL_RESERVE;
        }

        @Override
        public boolean isBusinessDay(LocalDate date) {
            return !weekend(date) && !holiday(date);
        }

        static boolean holiday(LocalDate date) {
            int y = date.getYear();
            if (date.equals(nthWeekday(y, Month.JANUARY, DayOfWeek.MONDAY, 3))
                    || date.equals(nthWeekday(y, Month.FEBRUARY, DayOfWeek.MONDAY, 3))
                    || date.equals(lastWeekday(y, Month.MAY, DayOfWeek.MONDAY))
                    || date.equals(nthWeekday(y, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))
                    || date.equals(nthWeekday(y, Month.OCTOBER, DayOfWeek.MONDAY, 2))
                    || date.equals(nthWeekday(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4))) {
                return true;
            }
            List<LocalDate> fixed = y >= 2022
                    ? List.of(LocalDate.of(y, 1, 1), LocalDate.of(y, 6, 19), LocalDate.of(y, 7, 4),
                            LocalDate.of(y, 11, 11), LocalDate.of(y, 12, 25))
                    : List.of(LocalDate.of(y, 1, 1), LocalDate.of(y, 7, 4), LocalDate.of(y, 11, 11),
                            LocalDate.of(y, 12, 25));
            for (LocalDate h : fixed) {
                if (date.equals(h) || (h.getDayOfWeek() == DayOfWeek.SUNDAY && date.equals(h.plusDays(1)))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * TARGET2 / T2 closing days (ECB): Saturdays, Sundays, New Year's Day, Good Friday, Easter
     * Monday, 1 May (Labour Day), Christmas Day and 26 December. No moving to a weekday: a
     * closing day on a weekend is simply a weekend.
     */
    static final class Target2 implements BusinessCalendar {

        @Override
        public String name() {
            return TARGET2;
        }

        @Override
        public boolean isBusinessDay(LocalDate date) {
            if (weekend(date)) {
                return false;
            }
            int m = date.getMonthValue();
            int d = date.getDayOfMonth();
            if ((m == 1 && d == 1) || (m == 5 && d == 1) || (m == 12 && (d == 25 || d == 26))) {
                return false;
            }
            LocalDate easter = easterSunday(date.getYear());
            return !date.equals(easter.minusDays(2)) && !date.equals(easter.plusDays(1));
        }
    }

    private record Simple(String name, boolean weekendsClosed) implements BusinessCalendar {
        @Override
        public boolean isBusinessDay(LocalDate date) {
            return !weekendsClosed || !weekend(date);
        }
    }
}
