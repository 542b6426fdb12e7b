package it.mssg.core.api;

/** Figures for the home screen. */
public interface HomeQueries {

    HomeCountsView counts();
}
