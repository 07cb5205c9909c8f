package org.pipelineaudit.report;

/**
 * A team name as a folder name under managers/: path separators, dots-only names and characters
 * file systems refuse are replaced, so a team can never write outside its folder.
 */
public final class TeamFolder {

    private TeamFolder() {
    }

    public static String name(String team) {
        String s = team == null || team.isBlank() ? "UNASSIGNED" : team.strip();
        s = s.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (s.chars().allMatch(c -> c == '.')) {
            s = s.replace('.', '_');
        }
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
