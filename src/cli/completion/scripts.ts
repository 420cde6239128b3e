// The scripts each shell sources. Each asks the program itself what to offer (the hidden
// `__complete` command), so subjects, modes and saved plans are always the current ones; the word
// "__files__" alone means: complete a file name as the shell does.

const BASH = `# study-planner completion for bash: add to ~/.bashrc
#   source <(study-planner completion bash)
_study_planner_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" out line
  out="$(study-planner __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null)" || return
  COMPREPLY=()
  if [[ "$out" == "__files__" ]]; then
    while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$cur")
    return
  fi
  # Given as they are: -o filenames has bash quote them as the word is being typed (a backslash
  # before a space, or nothing inside quotes the word opened), so they must not be quoted here too.
  while IFS= read -r line; do
    [[ -n "$line" ]] && COMPREPLY+=("$line")
  done <<< "$out"
}
complete -o filenames -F _study_planner_complete study-planner
`;

const ZSH = `#compdef study-planner
# study-planner completion for zsh: add to ~/.zshrc
#   source <(study-planner completion zsh)
_study_planner_complete() {
  local out
  out="$(study-planner __complete -- "\${(@)words[2,CURRENT-1]}" "\${words[CURRENT]}" 2>/dev/null)" || return
  if [[ "$out" == "__files__" ]]; then _files; return; fi
  local -a candidates
  candidates=("\${(@f)out}")
  compadd -- "\${candidates[@]}"
}
compdef _study_planner_complete study-planner
`;

const FISH = `# study-planner completion for fish: save as ~/.config/fish/completions/study-planner.fish
#   study-planner completion fish > ~/.config/fish/completions/study-planner.fish
function __study_planner_complete
    set -l before (commandline -opc)
    set -l current (commandline -ct)
    set -l out (study-planner __complete -- $before[2..-1] $current 2>/dev/null)
    if test "$out" = "__files__"
        __fish_complete_path $current
    else
        printf '%s\\n' $out
    end
end
complete -c study-planner -f -a '(__study_planner_complete)'
`;

export const SHELLS = { bash: BASH, zsh: ZSH, fish: FISH } as const;
export type Shell = keyof typeof SHELLS;
