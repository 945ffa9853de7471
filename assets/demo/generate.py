#!/usr/bin/env python3
"""Writes hdf.json, Jalon's bundled demo dataset (format jalon/1).

Hauts-de-France, seen on the REFERENCE DAY (2025-03-31): six CTS roadmaps in
mid-course, one CPOM and one GHT performance contract. Jalon moves every date by
(today - reference day) when it loads the demo, so the picture always looks like a
copil held today.

This is ILLUSTRATION data. The institutions are real names; everything said about
them here (who pilots what, amounts, delays) is invented. People are obviously
fictitious ("Agent Démo Aisne") and CPTS are marked "(fictive)". Actions that fail
("porteur défaillant") are always carried by a fictitious CPTS.

Standard library only, deterministic: each action draws from its own random
generator seeded by (SEED, plan, action), so editing one row does not reshuffle the
rest. Layout: data tables first, then the generation.

    python3 generate.py            # writes hdf.json beside this script
    cargo test --test cli_demo_file   # checks it with jalon import --dry-run
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

D = dt.date.fromisoformat
REFERENCE_DAY = D("2025-03-31")
SEED = 20250331
OUTPUT = Path(__file__).with_name("hdf.json")

# --------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------

REGION = {"code": "HDF", "name": "Hauts-de-France (données d'illustration)"}

THEMES = [
    ("ACCES", "Faciliter l'accès aux professionnels de santé"),
    ("PDS", "Organiser la permanence des soins"),
    ("PREV", "Accélérer les démarches de prévention"),
    ("ATTRACT", "Mobiliser les leviers locaux de l'attractivité"),
    ("QUALITE", "Qualité et sécurité des soins"),
    ("PARCOURS", "Parcours et coopérations"),
    ("EFFICIENCE", "Efficience et performance"),
]

ENVELOPE = {
    "code": "CNR-HDF",
    "label": "Enveloppe CNR santé Hauts-de-France (illustration)",
    "amount": "2600000",
}

# code, name, departments, "dans …", "du …" (for generated sentences), allocation (€),
# share of the allocation planned on FIR lines, roadmap status, signing day.
TERRITORIES = [
    ("AIS", "Aisne", ["02"], "dans l'Aisne", "de l'Aisne", 320000, 0.95, "in_force", "2023-06-27"),
    ("OIS", "Oise", ["60"], "dans l'Oise", "de l'Oise", 320000, 0.93, "consultation", None),
    ("SOM", "Somme", ["80"], "dans la Somme", "de la Somme", 280000, 0.97, "adopted", "2023-09-19"),
    ("PDC", "Pas-de-Calais", ["62"], "dans le Pas-de-Calais", "du Pas-de-Calais", 560000, 0.92, "in_force", "2023-06-30"),
    ("NHA", "Nord-Hainaut", ["59"], "dans le Nord-Hainaut", "du Nord-Hainaut", 520000, 0.96, "in_force", "2023-07-04"),
    ("NME", "Nord-Métropole", ["59"], "dans la métropole lilloise et les Flandres",
     "de la métropole lilloise et des Flandres", 600000, 0.94, "in_force", "2023-07-06"),
]
ROADMAP_START, ROADMAP_END = D("2023-07-01"), D("2025-12-31")

# code, name, kind, territory (None when the organisation serves several territories)
ORGANISATIONS = [
    # ARS and health insurance
    ("ARS-HDF", "ARS Hauts-de-France, siège", "ars_headquarters", None),
    ("ARS-DD02", "ARS, délégation départementale de l'Aisne", "ars_delegation", "AIS"),
    ("ARS-DD60", "ARS, délégation départementale de l'Oise", "ars_delegation", "OIS"),
    ("ARS-DD80", "ARS, délégation départementale de la Somme", "ars_delegation", "SOM"),
    ("ARS-DD62", "ARS, délégation départementale du Pas-de-Calais", "ars_delegation", "PDC"),
    ("ARS-DD59", "ARS, délégation départementale du Nord", "ars_delegation", None),
    ("CPAM-02", "CPAM de l'Aisne", "health_insurance", "AIS"),
    ("CPAM-60", "CPAM de l'Oise", "health_insurance", "OIS"),
    ("CPAM-80", "CPAM de la Somme", "health_insurance", "SOM"),
    ("CPAM-ARTOIS", "CPAM de l'Artois", "health_insurance", "PDC"),
    ("CPAM-COPALE", "CPAM de la Côte d'Opale", "health_insurance", "PDC"),
    ("CPAM-HAINAUT", "CPAM du Hainaut", "health_insurance", "NHA"),
    ("CPAM-LILLE-DOUAI", "CPAM de Lille-Douai", "health_insurance", None),
    ("CPAM-RT", "CPAM de Roubaix-Tourcoing", "health_insurance", "NME"),
    ("CPAM-FLANDRES", "CPAM des Flandres", "health_insurance", "NME"),
    ("MSA-PIC", "MSA de Picardie", "health_insurance", None),
    # professional bodies
    ("URPS-ML", "URPS Médecins libéraux Hauts-de-France", "urps", None),
    ("URPS-IDEL", "URPS Infirmiers Hauts-de-France", "urps", None),
    ("URPS-PHARM", "URPS Pharmaciens Hauts-de-France", "urps", None),
    ("URPS-CD", "URPS Chirurgiens-dentistes Hauts-de-France", "urps", None),
    ("CDOM-02", "Conseil départemental de l'Ordre des médecins de l'Aisne", "other", "AIS"),
    ("CDOM-60", "Conseil départemental de l'Ordre des médecins de l'Oise", "other", "OIS"),
    ("CDOM-80", "Conseil départemental de l'Ordre des médecins de la Somme", "other", "SOM"),
    ("CDOM-62", "Conseil départemental de l'Ordre des médecins du Pas-de-Calais", "other", "PDC"),
    ("CDOM-59", "Conseil départemental de l'Ordre des médecins du Nord", "other", None),
    # hospitals
    ("CH-STQ", "Centre hospitalier de Saint-Quentin", "hospital", "AIS"),
    ("CH-LAON", "Centre hospitalier de Laon", "hospital", "AIS"),
    ("CH-BEAUVAIS", "Centre hospitalier de Beauvais", "hospital", "OIS"),
    ("CH-COMPIEGNE", "Centre hospitalier de Compiègne-Noyon", "hospital", "OIS"),
    ("CHI-CLERMONT", "Centre hospitalier interdépartemental de Clermont de l'Oise", "hospital", "OIS"),
    ("CHU-AMIENS", "CHU Amiens-Picardie", "hospital", "SOM"),
    ("CH-ABBEVILLE", "Centre hospitalier d'Abbeville", "hospital", "SOM"),
    ("EPSM-80", "EPSM de la Somme", "hospital", "SOM"),
    ("CH-ARRAS", "Centre hospitalier d'Arras", "hospital", "PDC"),
    ("CH-LENS", "Centre hospitalier de Lens", "hospital", "PDC"),
    ("CH-BOULOGNE", "Centre hospitalier de Boulogne-sur-Mer", "hospital", "PDC"),
    ("EPSM-VLA", "EPSM Val de Lys-Artois", "hospital", "PDC"),
    ("CH-VALENCIENNES", "Centre hospitalier de Valenciennes", "hospital", "NHA"),
    ("CH-MAUBEUGE", "Centre hospitalier de Maubeuge", "hospital", "NHA"),
    ("CH-CAMBRAI", "Centre hospitalier de Cambrai", "hospital", "NHA"),
    ("GHT-HC", "GHT Hainaut-Cambrésis", "ght", "NHA"),
    ("CHU-LILLE", "CHU de Lille", "hospital", "NME"),
    ("CH-ROUBAIX", "Centre hospitalier de Roubaix", "hospital", "NME"),
    ("CH-DUNKERQUE", "Centre hospitalier de Dunkerque", "hospital", "NME"),
    ("EPSM-AL", "EPSM de l'agglomération lilloise", "hospital", "NME"),
    # local authorities
    ("REGION-HDF", "Région Hauts-de-France", "local_authority", None),
    ("CD-02", "Conseil départemental de l'Aisne", "local_authority", "AIS"),
    ("CD-60", "Conseil départemental de l'Oise", "local_authority", "OIS"),
    ("CD-80", "Conseil départemental de la Somme", "local_authority", "SOM"),
    ("CD-62", "Conseil départemental du Pas-de-Calais", "local_authority", "PDC"),
    ("CD-59", "Conseil départemental du Nord", "local_authority", None),
    ("CA-STQ", "Communauté d'agglomération du Saint-Quentinois", "local_authority", "AIS"),
    ("CA-LAON", "Communauté d'agglomération du Pays de Laon", "local_authority", "AIS"),
    ("CC-THIERACHE", "Communauté de communes de la Thiérache du Centre", "local_authority", "AIS"),
    ("CA-BEAUVAISIS", "Communauté d'agglomération du Beauvaisis", "local_authority", "OIS"),
    ("CC-CLERMONTOIS", "Communauté de communes du Clermontois", "local_authority", "OIS"),
    ("ARC-COMPIEGNE", "Agglomération de la Région de Compiègne", "local_authority", "OIS"),
    ("AMIENS-METROPOLE", "Amiens Métropole", "local_authority", "SOM"),
    ("CA-BAIE-SOMME", "Communauté d'agglomération de la Baie de Somme", "local_authority", "SOM"),
    ("CA-LENS-LIEVIN", "Communauté d'agglomération de Lens-Liévin", "local_authority", "PDC"),
    ("CC-TERNOIS", "Communauté de communes du Ternois", "local_authority", "PDC"),
    ("VILLE-ST-OMER", "Ville de Saint-Omer", "local_authority", "PDC"),
    ("VALENCIENNES-METROPOLE", "Valenciennes Métropole", "local_authority", "NHA"),
    ("CA-PORTE-HAINAUT", "Communauté d'agglomération de La Porte du Hainaut", "local_authority", "NHA"),
    ("CA-MAUBEUGE", "Communauté d'agglomération Maubeuge Val de Sambre", "local_authority", "NHA"),
    ("MEL", "Métropole européenne de Lille", "local_authority", "NME"),
    ("CA-COEUR-FLANDRE", "Communauté d'agglomération Cœur de Flandre", "local_authority", "NME"),
    ("CU-DUNKERQUE", "Communauté urbaine de Dunkerque", "local_authority", "NME"),
    # State services
    ("PREF-60", "Préfecture de l'Oise", "state_service", "OIS"),
    ("AGENCE-SC", "Agence du Service civique", "state_service", None),
    # education
    ("RECTORAT-AMIENS", "Rectorat de l'académie d'Amiens", "education", None),
    ("RECTORAT-LILLE", "Rectorat de l'académie de Lille", "education", None),
    ("UPJV", "Université de Picardie Jules Verne", "education", None),
    ("ULILLE", "Université de Lille", "education", None),
    ("UPHF", "Université Polytechnique Hauts-de-France", "education", "NHA"),
    # associations
    ("UNIS-CITE", "Unis-Cité", "association", None),
    ("FONDATION-ARHM", "Fondation ARHM", "association", None),
    ("INITIATIVE-AISNE", "Initiative Aisne", "association", "AIS"),
    ("HDF-ADDICTIONS", "Hauts-de-France Addictions", "association", None),
    ("CRCDC-HDF", "CRCDC Hauts-de-France (dépistage des cancers)", "association", None),
    ("ABEJ", "ABEJ Solidarité", "association", "NME"),
    # fictitious CPTS (clearly marked)
    ("CPTS-AIS-1", "CPTS du Vermandois Fictif (fictive)", "cpts", "AIS"),
    ("CPTS-AIS-2", "CPTS de la Thiérache Imaginaire (fictive)", "cpts", "AIS"),
    ("CPTS-OIS-1", "CPTS du Plateau Fictif (fictive)", "cpts", "OIS"),
    ("CPTS-OIS-2", "CPTS du Pays de Bray Imaginaire (fictive)", "cpts", "OIS"),
    ("CPTS-SOM-1", "CPTS du Santerre Imaginaire (fictive)", "cpts", "SOM"),
    ("CPTS-SOM-2", "CPTS du Littoral Picard Fictif (fictive)", "cpts", "SOM"),
    ("CPTS-PDC-1", "CPTS du Bassin Minier Fictif (fictive)", "cpts", "PDC"),
    ("CPTS-PDC-2", "CPTS de la Côte Imaginaire (fictive)", "cpts", "PDC"),
    ("CPTS-NHA-1", "CPTS de la Sambre Fictive (fictive)", "cpts", "NHA"),
    ("CPTS-NHA-2", "CPTS du Cambrésis Imaginaire (fictive)", "cpts", "NHA"),
    ("CPTS-NME-1", "CPTS de la Métropole Fictive (fictive)", "cpts", "NME"),
    ("CPTS-NME-2", "CPTS du Littoral Flamand Imaginaire (fictive)", "cpts", "NME"),
]

# Obviously fictitious people. code, name, organisation, login (None: no account).
# Emails are derived from the name, at example.org.
PEOPLE = [
    ("demo.region", "Coordinatrice Démo Région", "ARS-HDF", "demo.region"),
    ("demo.ais", "Agent Démo Aisne", "ARS-DD02", "demo.ais"),
    ("demo.ois", "Agent Démo Oise", "ARS-DD60", "demo.ois"),
    ("demo.som", "Agent Démo Somme", "ARS-DD80", "demo.som"),
    ("demo.pdc", "Agent Démo Pas-de-Calais", "ARS-DD62", "demo.pdc"),
    ("demo.nha", "Agent Démo Nord-Hainaut", "ARS-DD59", "demo.nha"),
    ("demo.nme", "Agent Démo Nord-Métropole", "ARS-DD59", "demo.nme"),
    ("demo.cpam02", "Référente Démo CPAM Aisne", "CPAM-02", "demo.cpam02"),
    ("demo.cpam60", "Référent Démo CPAM Oise", "CPAM-60", "demo.cpam60"),
    ("demo.cpam80", "Référente Démo CPAM Somme", "CPAM-80", "demo.cpam80"),
    ("demo.cpam.artois", "Référent Démo CPAM Artois", "CPAM-ARTOIS", "demo.cpam.artois"),
    ("demo.cpam.hainaut", "Référente Démo CPAM Hainaut", "CPAM-HAINAUT", "demo.cpam.hainaut"),
    ("demo.cpam.rt", "Référent Démo CPAM Roubaix-Tourcoing", "CPAM-RT", "demo.cpam.rt"),
    ("demo.msa", "Conseillère Démo MSA Picardie", "MSA-PIC", None),
    ("demo.urps.ml", "Chargé de mission Démo URPS Médecins", "URPS-ML", "demo.urps.ml"),
    ("demo.urps.idel", "Chargée de mission Démo URPS Infirmiers", "URPS-IDEL", None),
    ("demo.urps.cd", "Chargé de mission Démo URPS Chirurgiens-dentistes", "URPS-CD", None),
    ("demo.chstq", "Cadre Démo CH Saint-Quentin", "CH-STQ", "demo.chstq"),
    ("demo.chbeauvais", "Directeur Démo CH Beauvais", "CH-BEAUVAIS", "demo.chbeauvais"),
    ("demo.chcompiegne", "Sage-femme Démo CH Compiègne-Noyon", "CH-COMPIEGNE", None),
    ("demo.chiclermont", "Psychiatre Démo CHI Clermont", "CHI-CLERMONT", "demo.chiclermont"),
    ("demo.chu.amiens", "Directrice qualité Démo CHU Amiens", "CHU-AMIENS", "demo.chu.amiens"),
    ("demo.chabbeville", "Urgentiste Démo CH Abbeville", "CH-ABBEVILLE", "demo.chabbeville"),
    ("demo.epsm80", "Cadre de santé Démo EPSM Somme", "EPSM-80", "demo.epsm80"),
    ("demo.charras", "Médecin régulateur Démo CH Arras", "CH-ARRAS", "demo.charras"),
    ("demo.chlens", "Cadre Démo CH Lens", "CH-LENS", "demo.chlens"),
    ("demo.chboulogne", "Psychiatre Démo CH Boulogne", "CH-BOULOGNE", None),
    ("demo.chval", "Chef de projet Démo CH Valenciennes", "CH-VALENCIENNES", "demo.chval"),
    ("demo.chmaubeuge", "Cadre Démo CH Maubeuge", "CH-MAUBEUGE", "demo.chmaubeuge"),
    ("demo.ght.hc", "Directrice Démo GHT Hainaut-Cambrésis", "GHT-HC", "demo.ght.hc"),
    ("demo.chu.lille", "Médecin Démo CHU Lille", "CHU-LILLE", "demo.chu.lille"),
    ("demo.chroubaix", "Cadre Démo CH Roubaix", "CH-ROUBAIX", "demo.chroubaix"),
    ("demo.epsm.al", "Coordinatrice Démo EPSM Agglomération lilloise", "EPSM-AL", "demo.epsm.al"),
    ("demo.cd02", "Chargée de mission Démo Département Aisne", "CD-02", None),
    ("demo.cd62", "Chargé de mission Démo Département Pas-de-Calais", "CD-62", None),
    ("demo.castq", "Chef de projet Démo Saint-Quentinois", "CA-STQ", None),
    ("demo.calaon", "Chargée de mission Démo Pays de Laon", "CA-LAON", None),
    ("demo.ccthierache", "Chargé de mission Démo Thiérache du Centre", "CC-THIERACHE", None),
    ("demo.ccclermontois", "Chargée de mission Démo Clermontois", "CC-CLERMONTOIS", None),
    ("demo.arc", "Chef de projet Démo Région de Compiègne", "ARC-COMPIEGNE", None),
    ("demo.cabs", "Chargée de mission Démo Baie de Somme", "CA-BAIE-SOMME", None),
    ("demo.stomer", "Chargé de mission Démo Ville de Saint-Omer", "VILLE-ST-OMER", None),
    ("demo.ccf", "Coordinatrice CLS Démo Cœur de Flandre", "CA-COEUR-FLANDRE", "demo.ccf"),
    ("demo.rect.amiens", "Conseillère Démo Rectorat Amiens", "RECTORAT-AMIENS", None),
    ("demo.rect.lille", "Conseiller Démo Rectorat Lille", "RECTORAT-LILLE", None),
    ("demo.upjv", "Enseignant Démo UPJV", "UPJV", None),
    ("demo.ulille", "Enseignante Démo Université de Lille", "ULILLE", None),
    ("demo.cpts.ais1", "Coordinatrice Démo CPTS Vermandois", "CPTS-AIS-1", "demo.cpts.ais1"),
    ("demo.cpts.ais2", "Coordinateur Démo CPTS Thiérache", "CPTS-AIS-2", None),
    ("demo.cpts.ois1", "Coordinateur Démo CPTS Plateau", "CPTS-OIS-1", None),
    ("demo.cpts.som1", "Coordinatrice Démo CPTS Santerre", "CPTS-SOM-1", None),
    ("demo.cpts.som2", "Coordinateur Démo CPTS Littoral Picard", "CPTS-SOM-2", "demo.cpts.som2"),
    ("demo.cpts.pdc2", "Coordinatrice Démo CPTS Côte", "CPTS-PDC-2", None),
    ("demo.cpts.nha1", "Coordinateur Démo CPTS Sambre", "CPTS-NHA-1", "demo.cpts.nha1"),
    ("demo.cpts.nha2", "Coordinatrice Démo CPTS Cambrésis", "CPTS-NHA-2", None),
    ("demo.cpts.nme2", "Coordinateur Démo CPTS Littoral Flamand", "CPTS-NME-2", None),
]
# The Nord delegation serves two territories: its agent depends on the territory.
DD_AGENT = {"AIS": "demo.ais", "OIS": "demo.ois", "SOM": "demo.som",
            "PDC": "demo.pdc", "NHA": "demo.nha", "NME": "demo.nme"}
# Who funds co-financing lines, by role, in each territory.
FUNDERS = {
    "AIS": {"cpam": "CPAM-02", "cd": "CD-02", "epci": "CA-STQ"},
    "OIS": {"cpam": "CPAM-60", "cd": "CD-60", "epci": "CA-BEAUVAISIS"},
    "SOM": {"cpam": "CPAM-80", "cd": "CD-80", "epci": "AMIENS-METROPOLE"},
    "PDC": {"cpam": "CPAM-ARTOIS", "cd": "CD-62", "epci": "CA-LENS-LIEVIN"},
    "NHA": {"cpam": "CPAM-HAINAUT", "cd": "CD-59", "epci": "VALENCIENNES-METROPOLE"},
    "NME": {"cpam": "CPAM-LILLE-DOUAI", "cd": "CD-59", "epci": "MEL"},
}

# --------------------------------------------------------------------------------------
# The regional catalogue (notes §8.2): 20 innovations, 5 per CNR theme.
# For each: theme, title, description, generic objective ({dans}/{du} = territory),
# milestone titles in order, indicators (label, kind, unit, baseline, target),
# FIR line label, weight of the FIR line, optional co-financing
# (source, funder role, label, min k€, max k€), progress notes ({n}, {m} numbers).
# --------------------------------------------------------------------------------------

CATALOGUE = {
    "CAT-01": dict(
        theme="ACCES",
        title="Guichet unique d'accueil et d'accompagnement des professionnels de santé",
        description="Un point d'entrée unique, animé par l'ARS et l'Assurance maladie avec les URPS et l'Ordre, accueille chaque professionnel et l'accompagne dans son projet d'installation.",
        objective="Accueillir chaque professionnel de santé qui envisage de s'installer {dans} et l'accompagner jusqu'à l'installation : aides, locaux, démarches.",
        milestones=["Comité de lancement avec les partenaires", "Nomination du référent installation",
                    "Ouverture du guichet et mise en ligne de la page d'accueil", "Bilan d'activité présenté au CTS"],
        indicators=[("Professionnels accompagnés", "output", "personnes", 0, 40),
                    ("Installations effectives", "outcome", "installations", 0, 15)],
        fir="Animation du guichet (0,5 ETP chargé d'accueil)", weight=3.0,
        cofin=("health_insurance", "cpam", "Supports d'information et journées d'accueil des internes", 4, 12),
        notes=["{n} professionnels reçus depuis l'ouverture, dont {m} projets d'installation en MSP.",
               "Plaquette commune ARS, CPAM et URPS diffusée aux internes en fin de semestre."],
    ),
    "CAT-02": dict(
        theme="ACCES",
        title="Médiation en santé en zones rurales et semi-urbaines",
        description="Des médiateurs en santé tiennent des permanences sans rendez-vous en mairie ou en France Services pour ramener vers le soin les personnes qui y renoncent.",
        objective="Réduire le renoncement aux soins {dans} grâce à des permanences de médiation en santé au plus près des habitants.",
        milestones=["Recrutement du médiateur en santé", "Formation du médiateur au référentiel HAS",
                    "Ouverture des premières permanences en mairie", "Bilan à un an"],
        indicators=[("Personnes accompagnées par la médiation", "output", "personnes", 0, 300),
                    ("Personnes ayant retrouvé un médecin traitant", "outcome", "personnes", 0, 80)],
        fir="Poste de médiateur en santé (1 ETP)", weight=3.0,
        cofin=("local_authority", "pilot", "Mise à disposition de locaux et frais de déplacement", 5, 15),
        notes=["Permanences tenues dans {m} mairies ; {n} personnes accompagnées, surtout pour l'ouverture de droits.",
               "Le médiateur participe désormais aux réunions de la CPTS pour les orientations."],
    ),
    "CAT-03": dict(
        theme="ACCES",
        title="Appui aux CPTS pour l'accès à un médecin traitant des patients en ALD sans médecin traitant",
        description="Les CPTS, avec l'Assurance maladie, repèrent les patients en affection de longue durée sans médecin traitant et organisent leur prise en charge par les médecins du territoire.",
        objective="Proposer un médecin traitant à chaque patient en ALD qui n'en a pas {dans}, à partir des listes transmises par l'Assurance maladie.",
        milestones=["Transmission des listes de patients par la CPAM", "Charte d'engagement des médecins volontaires",
                    "Première vague d'attributions", "Bilan des attributions en copil"],
        indicators=[("Patients en ALD sans médecin traitant", "outcome", "patients", 1200, 300),
                    ("Patients orientés vers un médecin traitant", "output", "patients", 0, 600)],
        fir="Temps de coordination de la CPTS", weight=2.0,
        cofin=("health_insurance", "cpam", "Financement ACI de la mission accès aux soins", 10, 30),
        notes=["{n} patients contactés, {m} médecins volontaires signataires de la charte.",
               "Les listes de la CPAM sont désormais mises à jour chaque trimestre."],
    ),
    "CAT-04": dict(
        theme="ACCES",
        title="Déploiement d'assistants médicaux et d'IPA en MSP",
        description="Soutien au recrutement d'assistants médicaux et d'infirmiers en pratique avancée dans les maisons de santé pluriprofessionnelles pour libérer du temps médical.",
        objective="Libérer du temps médical dans les MSP {du} en soutenant le recrutement d'assistants médicaux et d'infirmiers en pratique avancée.",
        milestones=["Appel à manifestation d'intérêt auprès des MSP", "Sélection des MSP lauréates",
                    "Prise de poste des premiers assistants médicaux", "Évaluation de la patientèle supplémentaire"],
        indicators=[("Assistants médicaux et IPA en poste", "output", "postes", 0, 12),
                    ("Patients supplémentaires suivis", "outcome", "patients", 0, 2500)],
        fir="Aide au démarrage des postes d'IPA", weight=3.0,
        cofin=("health_insurance", "cpam", "Aide conventionnelle aux postes d'assistants médicaux", 20, 60),
        notes=["{m} postes pourvus sur 12 ; {n} nouveaux patients déclarant un médecin traitant.",
               "Deux MSP attendent la fin de formation de leur IPA avant la prise de poste."],
    ),
    "CAT-05": dict(
        theme="ACCES",
        title="Unité mobile / bus santé : consultations avancées en zone sous-dense",
        description="Un bus ou une unité mobile assure des consultations avancées et des actions de dépistage dans les communes les plus éloignées de l'offre de soins.",
        objective="Assurer des consultations avancées et des dépistages dans les communes sous-denses {du}, selon une tournée régulière.",
        milestones=["Choix du véhicule et de l'opérateur", "Définition de la tournée avec les communes",
                    "Première tournée", "Bilan de fréquentation"],
        indicators=[("Consultations réalisées en unité mobile", "output", "consultations", 0, 1500)],
        fir="Aménagement médical de l'unité mobile", weight=4.0,
        cofin=("local_authority", "cd", "Acquisition du véhicule", 40, 80),
        notes=["{m} communes desservies ; {n} consultations réalisées.",
               "La tournée est calée sur les jours de marché pour toucher davantage d'habitants."],
    ),
    "CAT-06": dict(
        theme="PDS",
        title="Centre de soins non programmés régulé (CSNPR) ville-hôpital",
        description="Un centre de soins non programmés régulé par le SAS et co-animé par médecins libéraux et hospitaliers accueille les demandes urgentes qui ne relèvent pas des urgences.",
        objective="Ouvrir un centre de soins non programmés régulé, co-animé par la ville et l'hôpital, pour désengorger les urgences {du}.",
        milestones=["Convention ville-hôpital signée", "Aménagement des locaux", "Ouverture du centre",
                    "Premier bilan d'activité"],
        indicators=[("Patients réorientés des urgences vers le CSNPR", "outcome", "patients par mois", 0, 600),
                    ("Demi-journées ouvertes par semaine", "output", "demi-journées", 0, 14)],
        fir="Coordination et ingénierie du CSNPR", weight=5.0,
        cofin=("own_funds", "pilot", "Mise à disposition de locaux hospitaliers", 20, 50),
        notes=["{m} demi-journées ouvertes par semaine ; {n} patients réorientés le mois dernier.",
               "Tableau de garde des libéraux complet jusqu'à l'été."],
    ),
    "CAT-07": dict(
        theme="PDS",
        title="Renfort de la régulation libérale du SAS",
        description="Renforcer la participation des médecins libéraux à la régulation du service d'accès aux soins pour répondre à toute demande de soins non programmés.",
        objective="Renforcer la régulation libérale du SAS {du} pour couvrir toutes les plages de la journée en semaine.",
        milestones=["Recensement des médecins régulateurs volontaires", "Formation à la régulation",
                    "Couverture des plages de 8 h à 20 h en semaine", "Bilan au comité de suivi du SAS"],
        indicators=[("Médecins régulateurs libéraux", "output", "médecins", 8, 25),
                    ("Taux de décroché du SAS", "outcome", "%", 85, 95)],
        fir="Indemnisation de la formation des régulateurs", weight=3.0,
        cofin=("health_insurance", "cpam", "Rémunération forfaitaire de la régulation", 15, 40),
        notes=["{m} nouveaux médecins régulateurs inscrits au planning depuis l'automne.",
               "Les plages du samedi matin restent difficiles à couvrir."],
    ),
    "CAT-08": dict(
        theme="PDS",
        title="Maison médicale de garde adossée aux urgences",
        description="Une maison médicale de garde installée près des urgences accueille, aux horaires de permanence des soins, les patients relevant de la médecine générale.",
        objective="Ouvrir une maison médicale de garde adossée aux urgences aux horaires de permanence des soins, {dans}.",
        milestones=["Accord de la communauté médicale et du CDOM", "Aménagement du local",
                    "Ouverture de la maison médicale de garde", "Bilan des six premiers mois"],
        indicators=[("Patients reçus en maison médicale de garde", "output", "patients", 0, 4000)],
        fir="Équipement et secrétariat de la maison médicale de garde", weight=4.0,
        cofin=("own_funds", "pilot", "Local et accueil mutualisés avec les urgences", 10, 30),
        notes=["{n} patients reçus le mois dernier, {m} médecins au tableau de garde.",
               "Signalétique commune avec les urgences posée."],
    ),
    "CAT-09": dict(
        theme="PDS",
        title="Participation des IDEL et pharmaciens à la PDSA (protocoles de coopération)",
        description="Des protocoles de coopération permettent aux infirmiers libéraux et aux pharmaciens de prendre en charge certaines demandes simples aux horaires de permanence des soins.",
        objective="Permettre aux infirmiers libéraux et aux pharmaciens {du} d'intervenir aux horaires de PDSA dans le cadre de protocoles de coopération.",
        milestones=["Choix des protocoles (cystite, angine, renouvellement)", "Formation des professionnels",
                    "Déclaration des équipes à l'ARS", "Premier bilan des prises en charge"],
        indicators=[("Professionnels formés aux protocoles", "output", "professionnels", 0, 60)],
        fir="Formation aux protocoles de coopération", weight=2.0,
        cofin=None,
        notes=["{n} professionnels formés, {m} équipes déclarées.",
               "Premier retour des pharmaciens très positif sur le protocole cystite."],
    ),
    "CAT-10": dict(
        theme="PDS",
        title="Téléconsultation assistée en officine / EHPAD aux horaires de PDS",
        description="Des cabines ou chariots de téléconsultation, avec l'assistance d'un pharmacien ou d'un infirmier, permettent une consultation médicale aux horaires de permanence des soins.",
        objective="Équiper des officines et des EHPAD {du} pour la téléconsultation assistée aux horaires de permanence des soins.",
        milestones=["Sélection des officines et EHPAD", "Installation des équipements",
                    "Organisation du tour des médecins téléconsultants", "Bilan d'usage"],
        indicators=[("Téléconsultations réalisées aux horaires de PDS", "output", "téléconsultations", 0, 800)],
        fir="Équipements de téléconsultation", weight=3.0,
        cofin=("health_insurance", "cpam", "Forfait structure, équipement vidéo", 5, 15),
        notes=["{m} sites équipés ; {n} téléconsultations réalisées.",
               "Les EHPAD demandent une formation complémentaire des infirmiers de nuit."],
    ),
    "CAT-11": dict(
        theme="PREV",
        title="Programme de sevrage tabagique dans toutes les maternités",
        description="Chaque maternité repère les femmes enceintes fumeuses et leur entourage et leur propose un accompagnement au sevrage, dans la démarche « lieu de santé sans tabac ».",
        objective="Repérer et accompagner vers le sevrage toutes les femmes enceintes fumeuses suivies dans les maternités {du}.",
        milestones=["Formation des sages-femmes au repérage", "Désignation d'un référent tabacologie par maternité",
                    "Mise à disposition des substituts nicotiniques", "Audit « lieu de santé sans tabac »"],
        indicators=[("Femmes enceintes fumeuses repérées et orientées", "outcome", "%", 20, 80),
                    ("Professionnels formés au repérage", "output", "professionnels", 0, 120)],
        fir="Temps de tabacologue en maternité", weight=3.0,
        cofin=("health_insurance", "cpam", "Substituts nicotiniques (fonds de lutte contre les addictions)", 5, 20),
        notes=["{n} professionnels formés au repérage ; tabacologue présent en consultation prénatale {m} demi-journées par mois.",
               "Consultation de tabacologie ouverte aux conjoints deux demi-journées par semaine."],
    ),
    "CAT-12": dict(
        theme="PREV",
        title="Ambassadeurs en santé mentale (pair-à-pair jeunes)",
        description="Des jeunes volontaires en service civique, formés par Unis-Cité et un établissement de santé mentale, sensibilisent leurs pairs et les orientent vers les ressources d'aide.",
        objective="Former une promotion de jeunes ambassadeurs en santé mentale {dans} pour sensibiliser leurs pairs et les orienter vers l'aide.",
        milestones=["Convention avec Unis-Cité", "Recrutement de la promotion de volontaires",
                    "Formation premiers secours en santé mentale", "Bilan de fin de promotion"],
        indicators=[("Jeunes sensibilisés", "output", "jeunes", 0, 1500),
                    ("Volontaires formés", "output", "volontaires", 0, 12)],
        fir="Formation et encadrement des ambassadeurs", weight=3.0,
        cofin=("state", "state_sc", "Service civique : indemnités des volontaires", 30, 60),
        notes=["{m} volontaires en mission ; {n} jeunes rencontrés en lycée, mission locale et club de sport.",
               "Temps d'analyse de pratique mensuel avec l'équipe de l'EPSM."],
    ),
    "CAT-13": dict(
        theme="PREV",
        title="Aller-vers pour les dépistages organisés des cancers",
        description="Des actions d'aller-vers (relances téléphoniques, stands, bus, médiateurs) augmentent la participation aux dépistages organisés des cancers du sein, colorectal et du col de l'utérus.",
        objective="Augmenter la participation aux dépistages organisés des cancers {dans}, en priorité là où elle est la plus faible.",
        milestones=["Ciblage des communes à faible participation", "Campagne de relance téléphonique",
                    "Journées de dépistage « Octobre rose » et « Mars bleu »", "Bilan de participation"],
        indicators=[("Participation au dépistage du cancer colorectal", "outcome", "%", 28, 35),
                    ("Personnes contactées", "output", "personnes", 0, 5000)],
        fir="Actions d'aller-vers et médiation", weight=2.0,
        cofin=("health_insurance", "cpam", "FNPEIS : actions de prévention", 5, 15),
        notes=["{n} personnes contactées lors de {m} journées d'aller-vers.",
               "Stand commun avec le CRCDC au marché pendant « Mars bleu »."],
    ),
    "CAT-14": dict(
        theme="PREV",
        title="Prévention du suicide : réseau de sentinelles et recontact post-tentative",
        description="Un réseau de sentinelles formées repère les personnes en souffrance, et un dispositif de recontact maintient le lien après une tentative de suicide.",
        objective="Former un réseau de sentinelles {dans} et garantir un recontact de chaque personne qui sort des urgences après une tentative de suicide.",
        milestones=["Formation des formateurs sentinelles", "Première session de formation des sentinelles",
                    "Raccordement des urgences au dispositif de recontact", "Bilan annuel du réseau"],
        indicators=[("Sentinelles formées", "output", "personnes", 0, 150),
                    ("Patients recontactés après une tentative", "outcome", "%", 40, 90)],
        fir="Formations sentinelles et coordination", weight=2.0,
        cofin=("local_authority", "cd", "Formation des travailleurs sociaux du Département", 5, 12),
        notes=["{n} sentinelles formées, dont {m} agents de collectivités.",
               "Le dispositif de recontact couvre désormais les urgences de nuit."],
    ),
    "CAT-15": dict(
        theme="PREV",
        title="Compétences psychosociales en milieu scolaire",
        description="Des programmes validés de développement des compétences psychosociales sont déployés dans les écoles et collèges, avec la formation des équipes éducatives.",
        objective="Déployer un programme de compétences psychosociales dans les écoles et collèges {du} et former les équipes éducatives.",
        milestones=["Choix des établissements volontaires", "Formation des équipes éducatives",
                    "Déploiement des séances en classe", "Évaluation de fin d'année scolaire"],
        indicators=[("Élèves bénéficiaires", "output", "élèves", 0, 3000),
                    ("Enseignants formés", "output", "personnes", 0, 120)],
        fir="Formation des équipes éducatives", weight=2.0,
        cofin=("local_authority", "epci", "Intervenants sur le temps périscolaire", 5, 15),
        notes=["{m} établissements engagés ; {n} élèves ont suivi au moins cinq séances.",
               "Les infirmières scolaires demandent un temps d'échange de pratiques en juin."],
    ),
    "CAT-16": dict(
        theme="ATTRACT",
        title="Démonstrateur d'attractivité des métiers de la santé en territoire fragile – Les Chartriers (Valenciennes)",
        description="Centre de soins primaires ville-hôpital porté par la ville et le CH de Valenciennes, réunissant libéraux et spécialistes hospitaliers, soins non programmés, éducation thérapeutique, formation et simulation.",
        objective="Ouvrir le centre Les Chartriers et en faire un lieu d'exercice attractif pour les jeunes professionnels, associant libéraux et hospitaliers.",
        milestones=["Fin du gros œuvre du bâtiment", "Recrutement des premiers médecins",
                    "Ouverture au public", "Bilan d'attractivité à six mois"],
        indicators=[("Professionnels exerçant au centre", "output", "professionnels", 0, 30)],
        fir="Ingénierie du projet et coordination médicale", weight=0.0,
        cofin=None,
        notes=["{m} médecins ont signé une lettre d'intention pour exercer au centre.",
               "Visite du chantier avec les internes du semestre ; forte demande sur la simulation."],
    ),
    "CAT-17": dict(
        theme="ATTRACT",
        title="Filière d'excellence santé (cordées de la réussite)",
        description="Créée par l'ARS et le Rectorat avec l'université, la filière accompagne des lycéens de territoires fragiles de la seconde à la première année d'études de santé.",
        objective="Accompagner des lycéens {du} de la seconde jusqu'à la première année des études de santé, pour former les soignants de demain dans le territoire.",
        milestones=["Sélection des lycées partenaires", "Recrutement de la cohorte de seconde",
                    "Tutorat par les étudiants en santé", "Bilan de réussite en première année"],
        indicators=[("Lycéens accompagnés", "output", "élèves", 0, 60),
                    ("Admis en deuxième année des études de santé", "outcome", "étudiants", 0, 15)],
        fir="Tutorat et stages d'immersion", weight=2.0,
        cofin=("local_authority", "region", "Transport et hébergement des lycéens", 5, 15),
        notes=["{n} lycéens suivis dans {m} lycées ; stage d'immersion à l'hôpital pendant les vacances.",
               "Le tutorat par les étudiants de deuxième année est très apprécié."],
    ),
    "CAT-18": dict(
        theme="ATTRACT",
        title="Hébergement des internes et étudiants en santé (maisons des internes)",
        description="Des logements meublés à loyer modéré, proches des lieux de stage, facilitent l'accueil des internes et des étudiants en santé dans les territoires éloignés des facultés.",
        objective="Offrir aux internes et aux étudiants en santé en stage {dans} des logements à loyer modéré près des lieux de stage.",
        milestones=["Identification du bâtiment", "Convention avec le bailleur", "Travaux d'aménagement",
                    "Accueil des premiers internes"],
        indicators=[("Places d'hébergement ouvertes", "output", "places", 0, 12),
                    ("Internes accueillis par semestre", "outcome", "internes", 0, 20)],
        fir="Équipement et ameublement des logements", weight=3.0,
        cofin=("local_authority", "pilot", "Travaux de réhabilitation", 40, 90),
        notes=["{m} logements livrés, tous occupés au semestre de novembre.",
               "Le bailleur confirme la livraison des derniers logements au printemps."],
    ),
    "CAT-19": dict(
        theme="ATTRACT",
        title="Développement des terrains de stage et maîtres de stage en zone sous-dense",
        description="Former et accompagner de nouveaux maîtres de stage universitaires en zone sous-dense pour y accueillir davantage d'internes et d'étudiants.",
        objective="Augmenter le nombre de maîtres de stage universitaires et de terrains de stage {dans}, en priorité en zone sous-dense.",
        milestones=["Campagne d'information des médecins", "Formation des nouveaux maîtres de stage",
                    "Agrément des terrains de stage", "Affectation des internes au semestre de novembre"],
        indicators=[("Nouveaux maîtres de stage agréés", "output", "médecins", 0, 25)],
        fir="Indemnisation de la formation des maîtres de stage", weight=2.0,
        cofin=None,
        notes=["{m} médecins formés ; autant de terrains de stage agréés en zone sous-dense.",
               "Le département de médecine générale propose une session de formation le samedi."],
    ),
    "CAT-20": dict(
        theme="ATTRACT",
        title="Kit d'accueil des nouveaux professionnels (logement, emploi du conjoint, réseau)",
        description="Un kit d'accueil coordonné par les collectivités aide les nouveaux professionnels et leur famille : logement, emploi du conjoint, scolarité, réseau local.",
        objective="Proposer à chaque nouveau professionnel de santé {du} un accueil coordonné : logement, emploi du conjoint, scolarité et réseau local.",
        milestones=["Recensement des offres des collectivités", "Conception du kit et du site d'accueil",
                    "Lancement auprès des professionnels", "Enquête de satisfaction"],
        indicators=[("Familles accueillies", "output", "familles", 0, 20)],
        fir="Conception du kit et animation", weight=1.5,
        cofin=("local_authority", "cd", "Aide au logement temporaire", 5, 10),
        notes=["{m} familles accueillies, {n} offres de logement recensées.",
               "Les communes demandent un modèle commun de convention d'accueil."],
    ),
    # Proposed by the region, taken up by no territory yet: the catalogue view shows
    # it first (a copil asks why).
    "CAT-21": dict(
        theme="PREV",
        title="Qualité de l'air intérieur dans les crèches et les écoles",
        description="Accompagner les collectivités pour mesurer et améliorer la qualité de l'air intérieur des établissements accueillant de jeunes enfants.",
        objective="Mesurer la qualité de l'air intérieur de chaque crèche et école maternelle {du} et corriger les situations à risque.",
        milestones=["Campagne de mesure", "Plan d'actions par établissement", "Contrôle après travaux"],
        indicators=[("Établissements mesurés", "output", "établissements", 0, 40)],
        fir="Campagnes de mesure", weight=1.0,
        cofin=None,
        notes=["{m} établissements mesurés."],
    ),
}

# Local initiatives (one per roadmap, code L01, no catalogue item): same fields.
LOCAL = {
    "AIS": dict(
        theme="ACCES",
        title="Transport solidaire vers les consultations spécialisées",
        objective="Organiser un transport solidaire à la demande vers les consultations spécialisées de Saint-Quentin et de Laon pour les habitants sans véhicule.",
        milestones=["Recensement des chauffeurs bénévoles", "Convention avec les centres sociaux",
                    "Ouverture de la plateforme de réservation", "Bilan des trajets"],
        indicators=[("Trajets réalisés", "output", "trajets", 0, 900)],
        fir="Coordination de la plateforme de réservation", weight=2.5,
        cofin=("local_authority", "pilot", "Indemnités kilométriques des bénévoles", 8, 20),
        notes=["{n} trajets réalisés, {m} chauffeurs bénévoles actifs.",
               "Demande forte vers l'ophtalmologie et la cardiologie."],
    ),
    "OIS": dict(
        theme="ACCES",
        title="Permanences santé en France Services",
        objective="Tenir des permanences santé dans les espaces France Services de l'Oise rurale : droits, complémentaire santé, recherche d'un médecin traitant.",
        milestones=["Choix des espaces France Services", "Formation des conseillers France Services",
                    "Ouverture des permanences", "Bilan de fréquentation"],
        indicators=[("Personnes reçues en permanence", "output", "personnes", 0, 600)],
        fir="Formation et outillage des conseillers", weight=2.0,
        cofin=("health_insurance", "cpam", "Temps de conseiller CPAM", 10, 20),
        notes=["Permanences ouvertes dans {m} espaces ; {n} personnes reçues.",
               "Les conseillers demandent une fiche réflexe sur la complémentaire santé solidaire."],
    ),
    "SOM": dict(
        theme="PREV",
        title="Santé des saisonniers agricoles de la Baie de Somme",
        objective="Proposer aux saisonniers agricoles et conchylicoles un bilan de santé et une information sur leurs droits pendant la saison.",
        milestones=["Repérage des exploitations volontaires", "Première journée de bilans de santé",
                    "Permanences d'été sur les lieux de travail", "Bilan de saison"],
        indicators=[("Saisonniers ayant bénéficié d'un bilan", "output", "personnes", 0, 250)],
        fir="Bilans de santé sur site", weight=2.5,
        cofin=("health_insurance", "pilot", "Actions de prévention de la MSA", 5, 15),
        notes=["{n} saisonniers vus lors de {m} journées sur site.",
               "Les exploitants proposent d'ajouter une séance sur les troubles musculo-squelettiques."],
    ),
    "PDC": dict(
        theme="PREV",
        title="Prévention bucco-dentaire des enfants du bassin minier",
        objective="Dépister et orienter les enfants des écoles du bassin minier vers un chirurgien-dentiste, avec un suivi des soins.",
        milestones=["Choix des écoles", "Dépistage dans les classes de CP", "Relance des familles",
                    "Bilan des soins réalisés"],
        indicators=[("Enfants dépistés", "output", "enfants", 0, 2500),
                    ("Enfants orientés ayant consulté", "outcome", "%", 30, 70)],
        fir="Dépistages en milieu scolaire", weight=2.5,
        cofin=("health_insurance", "cpam", "Programme M'T dents : relance des familles", 8, 16),
        notes=["{n} enfants dépistés dans {m} écoles.",
               "Le taux de consultation après orientation reste faible : relance des familles par SMS."],
    ),
    "NHA": dict(
        theme="PARCOURS",
        title="Parcours diabète en Sambre-Avesnois",
        objective="Structurer un parcours ville-hôpital pour les patients diabétiques de la Sambre-Avesnois : dépistage des complications, éducation thérapeutique, suivi infirmier.",
        milestones=["Protocole commun ville-hôpital", "Ouverture du programme d'éducation thérapeutique",
                    "Formation des infirmiers libéraux", "Bilan à un an"],
        indicators=[("Patients inclus dans le parcours", "output", "patients", 0, 400),
                    ("Patients avec un fond d'œil dans l'année", "outcome", "%", 45, 70)],
        fir="Coordination du parcours", weight=2.5,
        cofin=("health_insurance", "cpam", "Éducation thérapeutique en ville", 10, 25),
        notes=["{n} patients inclus ; {m} infirmiers libéraux formés.",
               "Le rétinographe mobile passe désormais deux fois par mois."],
    ),
    "NME": dict(
        theme="ACCES",
        title="Équipe mobile santé pour les personnes à la rue",
        objective="Aller au-devant des personnes sans abri de la métropole lilloise avec une équipe mobile infirmière et médicale, et les orienter vers le soin.",
        milestones=["Constitution de l'équipe mobile", "Convention avec les accueils de jour",
                    "Maraudes communes avec les associations", "Bilan annuel"],
        indicators=[("Personnes rencontrées", "output", "personnes", 0, 800),
                    ("Personnes orientées vers un soin", "outcome", "personnes", 0, 300)],
        fir="Temps infirmier de l'équipe mobile", weight=2.5,
        cofin=("local_authority", "epci", "Véhicule et frais de maraude", 10, 25),
        notes=["{n} personnes rencontrées ; {m} orientations vers la PASS.",
               "Maraude de nuit ajoutée pendant la période hivernale."],
    ),
}

# --------------------------------------------------------------------------------------
# The six roadmaps (notes §8.3, §8.5). Each row:
#   (action code, catalogue item or None, slot, title, pilot, [(partner, role)], options)
# The slot sets status and dates at the reference day:
#   done_early   done in 2024              done_recent  done in the last months
#   late         in progress, due date passed by options["late"] days (overdue)
#   soon         in progress, due in options["soon"] days (0 = today)
#   ontrack      in progress, due later in 2025
#   todo_ms      not started, start passed (late start), first milestone missed by
#                options["ms_late"] days (overdue milestone)
#   todo_future  not started, start in the future
#   on_hold      suspended, new due date (or, with options["late"], overdue)
#   abandoned    dropped: "porteur défaillant" (always a fictitious CPTS)
# --------------------------------------------------------------------------------------

ROADMAPS = {
    "AIS": [
        ("A01", "CAT-01", "done_early", "Guichet unique d'installation des professionnels de santé de l'Aisne",
         "ARS-DD02", [("CPAM-02", "co-pilote"), ("URPS-ML", "partenaire"), ("CDOM-02", "partenaire"),
                      ("INITIATIVE-AISNE", "partenaire")], {}),
        ("A02", "CAT-02", "ontrack", "Médiation en santé en Thiérache du Centre",
         "CC-THIERACHE", [("ARS-DD02", "financeur"), ("CPAM-02", "partenaire"), ("CPTS-AIS-2", "partenaire")],
         {"due": "2025-09-30"}),
        ("A03", "CAT-03", "late", "Médecin traitant pour les patients en ALD du Saint-Quentinois",
         "CPTS-AIS-1", [("CPAM-02", "co-pilote"), ("ARS-DD02", "financeur"), ("URPS-ML", "partenaire")],
         {"late": 12, "reason": "la deuxième vague d'attributions attend l'arrivée de deux jeunes médecins en mai"}),
        ("A05", "CAT-05", "abandoned", "Bus santé pour les consultations avancées en Thiérache",
         "CPTS-AIS-2", [("CD-02", "financeur"), ("ARS-DD02", "financeur"), ("CH-LAON", "partenaire")],
         {"reason": "la CPTS porteuse n'a pu ni recruter de coordinateur ni boucler le plan de financement du véhicule"}),
        ("A07", "CAT-07", "soon", "Renfort de la régulation libérale du SAS de l'Aisne",
         "CH-STQ", [("URPS-ML", "co-pilote"), ("CPTS-AIS-1", "partenaire"), ("ARS-DD02", "financeur")],
         {"soon": 9}),
        ("A11", "CAT-11", "ontrack", "Sevrage tabagique dans les maternités de l'Aisne",
         "CH-STQ", [("HDF-ADDICTIONS", "opérateur"), ("CH-LAON", "partenaire"), ("CPAM-02", "partenaire")],
         {"due": "2025-12-31"}),
        ("A13", "CAT-13", "todo_ms", "Aller-vers pour les dépistages des cancers dans les quartiers de Saint-Quentin",
         "CPAM-02", [("CRCDC-HDF", "co-pilote"), ("CA-STQ", "partenaire")], {"ms_late": 21}),
        ("A17", "CAT-17", "done_recent", "Filière d'excellence santé dans les lycées de l'Aisne",
         "RECTORAT-AMIENS", [("UPJV", "co-pilote"), ("ARS-DD02", "financeur"), ("REGION-HDF", "partenaire")], {}),
        ("A18", "CAT-18", "on_hold", "Maison des internes de Laon",
         "CA-LAON", [("CH-LAON", "partenaire"), ("UPJV", "partenaire"), ("REGION-HDF", "financeur")],
         {"due": "2025-12-31", "reason": "le bâtiment pressenti doit d'abord faire l'objet d'un diagnostic amiante"}),
        ("A20", "CAT-20", "todo_future", "Kit d'accueil des nouveaux professionnels du Saint-Quentinois",
         "CA-STQ", [("CD-02", "partenaire"), ("ARS-DD02", "partenaire")], {"start_in": 46}),
        ("L01", None, "ontrack", "Transport solidaire vers les consultations spécialisées",
         "CD-02", [("CA-STQ", "partenaire"), ("CPAM-02", "financeur"), ("ARS-DD02", "partenaire")],
         {"due": "2025-10-31"}),
    ],
    "OIS": [
        ("A01", "CAT-01", "done_early", "Guichet unique d'installation des professionnels de santé de l'Oise",
         "ARS-DD60", [("CPAM-60", "co-pilote"), ("URPS-ML", "partenaire"), ("CDOM-60", "partenaire"),
                      ("CD-60", "financeur")], {}),
        ("A02", "CAT-02", "todo_future", "Médiation en santé dans le Clermontois",
         "CC-CLERMONTOIS", [("ARS-DD60", "financeur"), ("CPAM-60", "partenaire")], {"start_in": 32}),
        ("A04", "CAT-04", "ontrack", "Assistants médicaux et IPA dans les MSP de l'Oise",
         "CPAM-60", [("ARS-DD60", "co-pilote"), ("URPS-ML", "partenaire"), ("CPTS-OIS-2", "opérateur")],
         {"due": "2025-11-30"}),
        ("A06", "CAT-06", "late", "Centre de soins non programmés ville-hôpital de Beauvais",
         "CH-BEAUVAIS", [("CPTS-OIS-2", "co-pilote"), ("URPS-ML", "partenaire"), ("CA-BEAUVAISIS", "partenaire"), ("ARS-DD60", "financeur")],
         {"late": 45, "reason": "les travaux d'aménagement des locaux ont pris trois mois de retard"}),
        ("A07", "CAT-07", "done_recent", "Renfort de la régulation libérale du SAS de l'Oise",
         "CH-BEAUVAIS", [("URPS-ML", "co-pilote"), ("CPAM-60", "financeur")], {"paid_over": True}),
        ("A09", "CAT-09", "abandoned", "Infirmiers et pharmaciens dans la permanence des soins du Plateau picard",
         "CPTS-OIS-1", [("URPS-IDEL", "co-pilote"), ("URPS-PHARM", "partenaire"), ("ARS-DD60", "financeur")],
         {"reason": "la CPTS porteuse a perdu sa coordinatrice et n'a pas pu réunir les professionnels volontaires"}),
        ("A11", "CAT-11", "soon", "Sevrage tabagique dans les maternités de l'Oise",
         "CH-COMPIEGNE", [("HDF-ADDICTIONS", "opérateur"), ("CH-BEAUVAIS", "partenaire"), ("CPAM-60", "partenaire")],
         {"soon": 21}),
        ("A14", "CAT-14", "ontrack", "Réseau de sentinelles en prévention du suicide dans l'Oise",
         "CHI-CLERMONT", [("ARS-DD60", "financeur"), ("CD-60", "partenaire"), ("CPTS-OIS-2", "partenaire")],
         {"due": "2025-12-31", "weather": "orange"}),
        ("A18", "CAT-18", "todo_ms", "Logements pour internes à Compiègne",
         "ARC-COMPIEGNE", [("CH-COMPIEGNE", "partenaire"), ("UPJV", "partenaire"), ("REGION-HDF", "financeur")],
         {"ms_late": 9}),
        ("A19", "CAT-19", "on_hold", "Nouveaux maîtres de stage dans le Noyonnais et le Clermontois",
         "UPJV", [("URPS-ML", "co-pilote"), ("ARS-DD60", "financeur")],
         {"due": "2025-11-30", "reason": "le département de médecine générale réorganise ses formations après la réforme du DES"}),
        ("L01", None, "soon", "Permanences santé en France Services",
         "CPAM-60", [("ARS-DD60", "co-pilote"), ("PREF-60", "partenaire"), ("CD-60", "partenaire")],
         {"soon": 28}),
    ],
    "SOM": [
        ("A01", "CAT-01", "done_recent", "Guichet unique d'installation des professionnels de santé de la Somme",
         "ARS-DD80", [("CPAM-80", "co-pilote"), ("URPS-ML", "partenaire"), ("CDOM-80", "partenaire")], {}),
        ("A03", "CAT-03", "todo_ms", "Médecin traitant pour les patients en ALD du Ponthieu et du Vimeu",
         "CPTS-SOM-2", [("CPAM-80", "co-pilote"), ("ARS-DD80", "financeur")], {"ms_late": 60}),
        ("A08", "CAT-08", "late", "Maison médicale de garde adossée aux urgences d'Abbeville",
         "CH-ABBEVILLE", [("CPTS-SOM-2", "co-pilote"), ("CDOM-80", "partenaire"), ("ARS-DD80", "financeur")],
         {"late": 3, "weather": "orange", "reason": "l'ouverture est décalée au lundi qui suit la livraison du mobilier"}),
        ("A10", "CAT-10", "abandoned", "Téléconsultation assistée dans les EHPAD et officines du Santerre",
         "CPTS-SOM-1", [("URPS-PHARM", "partenaire"), ("CPAM-80", "financeur"), ("CD-80", "partenaire")],
         {"reason": "la CPTS porteuse a été mise en sommeil par son bureau et aucune structure ne reprend le projet"}),
        ("A11", "CAT-11", "ontrack", "Sevrage tabagique dans les maternités de la Somme",
         "CHU-AMIENS", [("HDF-ADDICTIONS", "opérateur"), ("CH-ABBEVILLE", "partenaire"), ("CPAM-80", "partenaire")],
         {"due": "2025-09-30"}),
        ("A12", "CAT-12", "ontrack", "Ambassadeurs en santé mentale à Amiens",
         "EPSM-80", [("UNIS-CITE", "opérateur"), ("AMIENS-METROPOLE", "partenaire"),
                     ("RECTORAT-AMIENS", "partenaire"), ("FONDATION-ARHM", "partenaire")],
         {"due": "2025-07-31"}),
        ("A15", "CAT-15", "soon", "Compétences psychosociales dans les collèges de la Somme",
         "RECTORAT-AMIENS", [("ARS-DD80", "financeur"), ("EPSM-80", "partenaire"), ("CD-80", "partenaire")],
         {"soon": 0}),
        ("A17", "CAT-17", "done_early", "Filière d'excellence santé avec l'UPJV",
         "RECTORAT-AMIENS", [("UPJV", "co-pilote"), ("ARS-DD80", "financeur"), ("REGION-HDF", "partenaire")], {}),
        ("A18", "CAT-18", "todo_future", "Hébergement des étudiants en santé en stage à Abbeville",
         "CA-BAIE-SOMME", [("CH-ABBEVILLE", "partenaire"), ("UPJV", "partenaire"), ("REGION-HDF", "financeur")],
         {"start_in": 92}),
        ("A19", "CAT-19", "on_hold", "Terrains de stage en médecine générale dans le Santerre",
         "UPJV", [("URPS-ML", "co-pilote"), ("ARS-DD80", "financeur")],
         {"due": "2025-12-31", "reason": "en attente de la nouvelle maquette du DES de médecine générale"}),
        ("L01", None, "ontrack", LOCAL["SOM"]["title"],
         "MSA-PIC", [("ARS-DD80", "financeur"), ("CA-BAIE-SOMME", "partenaire"), ("CPTS-SOM-2", "partenaire")],
         {"due": "2025-10-31"}),
    ],
    "PDC": [
        ("A01", "CAT-01", "done_early", "Guichet unique d'installation des professionnels de santé du Pas-de-Calais",
         "ARS-DD62", [("CPAM-ARTOIS", "co-pilote"), ("CPAM-COPALE", "co-pilote"), ("URPS-ML", "partenaire"),
                      ("CDOM-62", "partenaire")], {}),
        ("A02", "CAT-02", "ontrack", "Médiation en santé dans le Ternois",
         "CC-TERNOIS", [("ARS-DD62", "financeur"), ("CPAM-ARTOIS", "partenaire")], {"due": "2025-12-31"}),
        ("A04", "CAT-04", "soon", "Assistants médicaux et IPA dans les MSP du bassin minier",
         "CPAM-ARTOIS", [("ARS-DD62", "co-pilote"), ("URPS-ML", "partenaire"), ("CPTS-PDC-1", "opérateur")],
         {"soon": 14}),
        ("A05", "CAT-05", "late", "Unité mobile de consultations avancées dans l'Audomarois rural",
         "CD-62", [("ARS-DD62", "financeur"), ("CPAM-COPALE", "partenaire"), ("VILLE-ST-OMER", "partenaire")],
         {"late": 120, "reason": "le marché d'acquisition du véhicule a dû être relancé, faute d'offre conforme"}),
        ("A07", "CAT-07", "todo_future", "Renfort de la régulation libérale du SAS du Pas-de-Calais",
         "CH-ARRAS", [("URPS-ML", "co-pilote"), ("CPTS-PDC-1", "partenaire"), ("ARS-DD62", "financeur")],
         {"start_in": 62}),
        ("A08", "CAT-08", "done_recent", "Maison médicale de garde adossée aux urgences de Lens",
         "CH-LENS", [("CPTS-PDC-1", "co-pilote"), ("CDOM-62", "partenaire"), ("ARS-DD62", "financeur")], {}),
        ("A11", "CAT-11", "on_hold", "Sevrage tabagique dans les maternités de l'Artois",
         "CH-ARRAS", [("HDF-ADDICTIONS", "opérateur"), ("CH-LENS", "partenaire"), ("CPAM-ARTOIS", "partenaire")],
         {"late": 33, "reason": "le poste de tabacologue est vacant depuis l'automne"}),
        ("A13", "CAT-13", "todo_ms", "Aller-vers pour les dépistages des cancers dans le bassin minier",
         "CPAM-ARTOIS", [("CRCDC-HDF", "co-pilote"), ("CA-LENS-LIEVIN", "partenaire"), ("CPTS-PDC-1", "opérateur")],
         {"ms_late": 5}),
        ("A14", "CAT-14", "abandoned", "Recontact post-tentative de suicide dans le Boulonnais",
         "CPTS-PDC-2", [("CH-BOULOGNE", "partenaire"), ("EPSM-VLA", "partenaire"), ("ARS-DD62", "financeur")],
         {"reason": "la CPTS porteuse a renoncé au projet après le départ de ses deux médecins référents"}),
        ("A18", "CAT-18", "ontrack", "Maison des internes de Saint-Omer",
         "VILLE-ST-OMER", [("CH-ARRAS", "partenaire"), ("ULILLE", "partenaire"), ("REGION-HDF", "financeur")],
         {"due": "2025-09-30"}),
        ("L01", None, "ontrack", LOCAL["PDC"]["title"],
         "URPS-CD", [("CA-LENS-LIEVIN", "partenaire"), ("CPAM-ARTOIS", "financeur"), ("RECTORAT-LILLE", "partenaire")],
         {"due": "2025-06-30"}),
    ],
    "NHA": [
        ("A01", "CAT-01", "done_early", "Guichet unique d'installation des professionnels de santé du Hainaut",
         "ARS-DD59", [("CPAM-HAINAUT", "co-pilote"), ("URPS-ML", "partenaire"), ("CDOM-59", "partenaire")], {}),
        ("A03", "CAT-03", "ontrack", "Médecin traitant pour les patients en ALD de la Sambre",
         "CPTS-NHA-1", [("CPAM-HAINAUT", "co-pilote"), ("ARS-DD59", "financeur"), ("URPS-ML", "partenaire")],
         {"due": "2025-10-31", "weather": "orange"}),
        ("A06", "CAT-06", "soon", "Centre de soins non programmés ville-hôpital de Maubeuge",
         "CH-MAUBEUGE", [("CPTS-NHA-1", "co-pilote"), ("URPS-ML", "partenaire"), ("ARS-DD59", "financeur")],
         {"soon": 25}),
        ("A07", "CAT-07", "todo_ms", "Renfort de la régulation libérale du SAS du Hainaut",
         "CH-VALENCIENNES", [("URPS-ML", "co-pilote"), ("CPTS-NHA-2", "partenaire")], {"ms_late": 38}),
        ("A11", "CAT-11", "late", "Sevrage tabagique dans les maternités du Hainaut-Cambrésis",
         "GHT-HC", [("HDF-ADDICTIONS", "opérateur"), ("CPAM-HAINAUT", "partenaire"), ("ARS-DD59", "financeur")],
         {"late": 27, "reason": "l'audit « lieu de santé sans tabac » de la maternité de Cambrai est reporté à mai"}),
        ("A13", "CAT-13", "abandoned", "Aller-vers pour les dépistages des cancers dans le Cambrésis",
         "CPTS-NHA-2", [("CRCDC-HDF", "partenaire"), ("CPAM-HAINAUT", "financeur")],
         {"reason": "la CPTS porteuse n'a pas renouvelé son contrat ACI et s'est retirée de l'action"}),
        ("A14", "CAT-14", "on_hold", "Réseau de sentinelles en prévention du suicide dans le Valenciennois",
         "CH-VALENCIENNES", [("ARS-DD59", "financeur"), ("CA-PORTE-HAINAUT", "partenaire"), ("CD-59", "partenaire")],
         {"due": "2025-11-30", "reason": "l'équipe de psychiatrie privilégie l'ouverture du dispositif de recontact avant les formations"}),
        ("A16", "CAT-16", "ontrack", "Démonstrateur d'attractivité Les Chartriers à Valenciennes",
         "CH-VALENCIENNES", [("VALENCIENNES-METROPOLE", "co-pilote"), ("REGION-HDF", "financeur"),
                             ("URPS-ML", "partenaire"), ("UPHF", "partenaire")],
         {"due": "2025-09-30", "fir_exec": (120000, 60000),
          "extra_budget": [("local_authority", "REGION-HDF", "Aide régionale à l'équipement (REACT-EU)", 50000, 50000, 0),
                           ("own_funds", "CH-VALENCIENNES", "Temps de coordination médicale", 30000, 0, 0)],
          "objective": "Ouvrir à l'été 2025 le centre de soins primaires ville-hôpital Les Chartriers (2 400 m²) et en faire un lieu d'exercice attractif pour les jeunes professionnels du Valenciennois."}),
        ("A17", "CAT-17", "done_recent", "Filière d'excellence santé dans les lycées de la Sambre-Avesnois",
         "RECTORAT-LILLE", [("ULILLE", "co-pilote"), ("ARS-DD59", "financeur"), ("REGION-HDF", "partenaire")], {}),
        ("A19", "CAT-19", "todo_future", "Maîtres de stage en zone sous-dense de l'Avesnois",
         "ULILLE", [("URPS-ML", "co-pilote"), ("ARS-DD59", "financeur"), ("CPTS-NHA-1", "partenaire")],
         {"start_in": 124}),
        ("L01", None, "ontrack", LOCAL["NHA"]["title"],
         "CH-MAUBEUGE", [("CPTS-NHA-1", "co-pilote"), ("CPAM-HAINAUT", "financeur"), ("URPS-IDEL", "partenaire"),
                         ("CA-MAUBEUGE", "partenaire")],
         {"due": "2025-12-31"}),
    ],
    "NME": [
        ("A01", "CAT-01", "done_recent", "Guichet unique d'installation des professionnels de santé de la métropole et des Flandres",
         "ARS-DD59", [("CPAM-LILLE-DOUAI", "co-pilote"), ("CPAM-RT", "co-pilote"), ("URPS-ML", "partenaire"),
                      ("CDOM-59", "partenaire")], {}),
        ("A02", "CAT-02", "done_early", "Médiation en santé en milieu rural en Cœur de Flandre",
         "CA-COEUR-FLANDRE", [("ARS-DD59", "financeur"), ("CPAM-FLANDRES", "partenaire")], {}),
        ("A04", "CAT-04", "ontrack", "Assistants médicaux et IPA dans les MSP de Roubaix-Tourcoing",
         "CPAM-RT", [("ARS-DD59", "co-pilote"), ("URPS-ML", "partenaire"), ("CPTS-NME-1", "opérateur")],
         {"due": "2025-12-31"}),
        ("A06", "CAT-06", "late", "Centre de soins non programmés ville-hôpital de Roubaix",
         "CH-ROUBAIX", [("CPTS-NME-1", "co-pilote"), ("URPS-ML", "partenaire"), ("ARS-DD59", "financeur")],
         {"late": 74, "ms_miss": 2, "reason": "le tableau de garde des libéraux n'est couvert qu'à 60 % des plages du soir"}),
        ("A09", "CAT-09", "todo_ms", "Infirmiers et pharmaciens dans la permanence des soins des Flandres",
         "URPS-IDEL", [("URPS-PHARM", "co-pilote"), ("CPTS-NME-2", "opérateur"), ("ARS-DD59", "partenaire")],
         {"ms_late": 150}),
        ("A10", "CAT-10", "abandoned", "Téléconsultation assistée en EHPAD dans le Dunkerquois",
         "CPTS-NME-2", [("CPAM-FLANDRES", "financeur"), ("CH-DUNKERQUE", "partenaire")],
         {"reason": "la CPTS porteuse a dénoncé la convention faute de médecins téléconsultants"}),
        ("A11", "CAT-11", "soon", "Sevrage tabagique dans les maternités de la métropole lilloise",
         "CHU-LILLE", [("HDF-ADDICTIONS", "opérateur"), ("CH-ROUBAIX", "partenaire"), ("CPAM-LILLE-DOUAI", "partenaire")],
         {"soon": 5, "weather": "orange"}),
        ("A12", "CAT-12", "ontrack", "Ambassadeurs en santé mentale dans les quartiers prioritaires de la MEL",
         "EPSM-AL", [("UNIS-CITE", "opérateur"), ("MEL", "partenaire"), ("FONDATION-ARHM", "partenaire"),
                     ("RECTORAT-LILLE", "partenaire")],
         {"due": "2025-12-31"}),
        ("A15", "CAT-15", "todo_future", "Compétences psychosociales dans les écoles de Lille et Roubaix",
         "RECTORAT-LILLE", [("ARS-DD59", "financeur"), ("EPSM-AL", "partenaire"), ("MEL", "partenaire")],
         {"start_in": 154}),
        ("A20", "CAT-20", "on_hold", "Kit d'accueil des nouveaux professionnels des Flandres",
         "CA-COEUR-FLANDRE", [("CD-59", "partenaire"), ("CU-DUNKERQUE", "partenaire"), ("ARS-DD59", "partenaire")],
         {"due": "2025-12-31", "reason": "les intercommunalités des Flandres veulent d'abord harmoniser leurs aides au logement"}),
        ("L01", None, "ontrack", LOCAL["NME"]["title"],
         "CHU-LILLE", [("MEL", "financeur"), ("ABEJ", "opérateur"), ("ARS-DD59", "financeur")],
         {"due": "2025-12-31"}),
    ],
}

# How much of a FIR line is committed, and how much of the commitment is paid.
EXECUTION = {
    "done_early": (1.0, 1.0), "done_recent": (1.0, 0.85), "late": (0.95, 0.6), "soon": (0.95, 0.6),
    "ontrack": (0.8, 0.5), "todo_ms": (0.4, 0.0), "todo_future": (0.0, 0.0), "on_hold": (0.5, 0.4),
    "abandoned": (1.0, 1.0),  # the line keeps only the advance paid before the failure
}
# A few amounts with cents: (plan, action, budget line index, field, cents to add).
# Planned amounts only go up and paid amounts only go down, so no order is broken.
CENTS = [
    ("FDR-AIS", "A02", 0, "planned", 50), ("FDR-OIS", "L01", 1, "planned", 75),
    ("FDR-SOM", "A12", 0, "paid", -67), ("FDR-PDC", "L01", 1, "planned", 50),
    ("FDR-NHA", "A03", 0, "paid", -33), ("FDR-NME", "A12", 1, "paid", -40),
]
# Exactly one line pays more than it committed (a `check` warning shows it).
PAID_OVER_EUROS = 1250

# Generic journal texts by slot ({reason}, {d} date, {pct}, {ms} milestone, {pilot}).
JOURNAL_LAUNCH = [
    "Réunion de lancement avec les partenaires ({partners}) : périmètre et calendrier validés, pilote confirmé : {pilot}.",
    "Premier comité technique ({partners}) : répartition des rôles actée, fiche action relue ligne à ligne.",
    "Lancement de l'action présenté en CTS par le pilote ({pilot}) : méthode et calendrier partagés avec les partenaires.",
]
JOURNAL_DONE = [
    "Bilan final présenté au CTS : objectifs atteints, clôture de la fiche validée.",
    "Action clôturée en copil : le dispositif est désormais financé dans le droit commun.",
]
JOURNAL_LATE = [
    "Copil du {d} : retard confirmé, {reason}. Nouvelle échéance à proposer au prochain CTS.",
    "Point d'étape du {d} : échéance dépassée, {reason}. Le pilote présentera un calendrier révisé.",
]
JOURNAL_SOON = [
    "Point d'étape : jalon « {ms} » atteint, fin prévue le {due}. Pas de difficulté signalée.",
    "Copil du {d} : dernière ligne droite, l'échéance du {due} est confirmée par le pilote.",
]
JOURNAL_ONTRACK = [
    "Point d'étape : avancement estimé à {pct} %, calendrier tenu.",
    "Copil du {d} : l'action avance comme prévu ({pct} %), prochain jalon « {ms} ».",
]
JOURNAL_TODO_MS = [
    "Démarrage différé : la convention FIR n'est pas encore signée, le jalon « {ms} » prévu le {msd} n'est pas tenu.",
    "Relance du pilote : le jalon « {ms} » du {msd} est dépassé, la réunion de démarrage reste à fixer.",
]
JOURNAL_TODO_FUTURE = [
    "Fiche consolidée en CTS ; démarrage prévu le {start}.",
    "Fiche relue avec le pilote : partenaires confirmés, démarrage au {start}.",
]
JOURNAL_ON_HOLD = "Action suspendue à la demande du pilote : {reason}. Reprise envisagée avant l'échéance du {due}."
JOURNAL_ON_HOLD_LATE = "Action suspendue : {reason}. L'échéance du {due} est dépassée ; décision à prendre au prochain copil."
JOURNAL_ABANDONED = ("Copil du {d} : abandon de l'action acté, porteur défaillant ({reason}). "
                     "Les crédits non versés sont remis à disposition de l'enveloppe territoriale.")
JOURNAL_REVIEW = [
    "Revue régionale avant le copil : indicateurs à fiabiliser, merci de saisir la valeur du trimestre.",
    "Revue régionale : action suivie de près, merci de mettre à jour la météo avant le copil.",
    "Revue régionale : RAS, fiche à jour.",
]
HOURS = ["08:45", "09:30", "10:15", "11:00", "14:00", "15:30", "16:45"]

# --------------------------------------------------------------------------------------
# CPOM and performance contract: written out in full (dates at the reference day).
# --------------------------------------------------------------------------------------

CPOM = {
    "code": "CPOM-CHU-AMIENS", "territory": "SOM", "kind": "cpom",
    "title": "CPOM ARS Hauts-de-France – CHU Amiens-Picardie 2023-2027 (illustration)",
    "status": "in_force", "start": "2023-01-01", "end": "2027-12-31", "signed_on": "2022-12-16",
    "actions": [
        {
            "code": "C01", "title": "Lever les recommandations de la dernière certification",
            "theme": "QUALITE",
            "objective": "Traiter d'ici fin 2025 les recommandations de la dernière visite de certification et préparer sereinement la visite suivante.",
            "status": "in_progress", "progress": 55, "weather": "green",
            "pilot": {"organisation": "CHU-AMIENS", "person": "demo.chu.amiens"},
            "partners": [{"organisation": "ARS-HDF", "role": "partenaire"}],
            "start": "2023-03-01", "due": "2025-12-31",
            "milestones": [
                {"title": "Plan d'actions qualité validé par la CME", "due": "2023-06-30", "done_on": "2023-06-27"},
                {"title": "Audit interne à mi-parcours", "due": "2024-10-15", "done_on": "2024-10-22"},
                {"title": "Visite blanche", "due": "2025-06-13"},
                {"title": "Rapport de suivi transmis à l'ARS", "due": "2025-12-31"},
            ],
            "budget": [
                {"source": "own_funds", "funder": "CHU-AMIENS", "year": 2024, "label": "Temps de qualiticien",
                 "planned": "85000", "committed": "85000", "paid": "60000"},
            ],
            "indicators": [
                {"label": "Recommandations levées", "kind": "output", "unit": "%", "baseline": "0", "target": "100",
                 "target_date": "2025-12-31",
                 "values": [{"on": "2023-12-31", "value": "20"}, {"on": "2024-12-31", "value": "55"}]},
            ],
            "journal": [
                {"at": "2023-07-04T09:30:00Z", "author": "demo.chu.amiens",
                 "text": "Plan d'actions qualité présenté en CME et validé ; un référent par pôle désigné."},
                {"at": "2025-02-11T14:00:00Z", "author": "demo.som",
                 "text": "Dialogue de gestion annuel : 55 % des recommandations levées, la visite blanche est fixée à juin."},
            ],
        },
        {
            "code": "C02", "title": "Admissions directes des personnes âgées sans passage par les urgences",
            "theme": "PARCOURS",
            "objective": "Augmenter la part des admissions directes en gériatrie des personnes de 75 ans et plus adressées par leur médecin ou leur EHPAD.",
            "status": "in_progress", "progress": 60, "weather": "red",
            "pilot": {"organisation": "CHU-AMIENS", "person": "demo.chu.amiens"},
            "partners": [{"organisation": "CPTS-SOM-1", "role": "partenaire"},
                         {"organisation": "ARS-DD80", "role": "financeur"}],
            "start": "2023-09-01", "due": "2025-01-29",
            "milestones": [
                {"title": "Ligne téléphonique d'admission directe gériatrique ouverte", "due": "2024-01-15", "done_on": "2024-01-15"},
                {"title": "Convention avec les EHPAD du territoire amiénois", "due": "2024-06-30", "done_on": "2024-07-10"},
                {"title": "Extension aux week-ends", "due": "2024-12-31"},
            ],
            "budget": [
                {"source": "fir", "funder": "ARS-HDF", "year": 2024, "label": "Infirmière de coordination gériatrique",
                 "planned": "62000", "committed": "62000", "paid": "31000"},
            ],
            "indicators": [
                {"label": "Part des admissions directes chez les 75 ans et plus", "kind": "outcome", "unit": "%",
                 "baseline": "12", "target": "25", "target_date": "2025-01-29",
                 "values": [{"on": "2024-06-30", "value": "16"}, {"on": "2024-12-31", "value": "19.5"}]},
            ],
            "journal": [
                {"at": "2024-01-16T10:15:00Z", "author": "demo.chu.amiens",
                 "text": "Ligne d'admission directe ouverte de 9 h à 18 h en semaine ; plaquette envoyée aux médecins traitants."},
                {"at": "2025-02-11T14:30:00Z", "author": "demo.som",
                 "text": "Dialogue de gestion : extension aux week-ends non réalisée faute de gériatre d'astreinte ; échéance à revoir à l'avenant."},
            ],
        },
        {
            "code": "C03", "title": "Télé-expertise avec les CPTS de la Somme",
            "theme": "PARCOURS",
            "objective": "Donner aux médecins de ville un avis spécialisé en moins de 72 heures par télé-expertise, en commençant par la dermatologie et la cardiologie.",
            "status": "todo", "progress": 0,
            "pilot": {"organisation": "CHU-AMIENS"},
            "partners": [{"organisation": "CPTS-SOM-2", "role": "co-pilote"},
                         {"organisation": "URPS-ML", "role": "partenaire"}],
            "start": "2025-05-01", "due": "2026-06-30",
            "milestones": [
                {"title": "Choix de la plateforme régionale", "due": "2025-06-30"},
                {"title": "Premiers spécialistes inscrits", "due": "2025-10-31"},
                {"title": "Bilan d'usage", "due": "2026-06-30"},
            ],
            "budget": [
                {"source": "fir", "funder": "ARS-HDF", "year": 2025, "label": "Temps médical de télé-expertise",
                 "planned": "40000", "committed": "0", "paid": "0"},
            ],
            "journal": [
                {"at": "2025-03-18T11:00:00Z", "author": "demo.cpts.som2",
                 "text": "La CPTS confirme sa participation ; douze médecins généralistes volontaires pour tester."},
            ],
        },
        {
            "code": "C04", "title": "Plan de retour à l'équilibre financier",
            "theme": "EFFICIENCE",
            "objective": "Ramener le déficit d'exploitation à l'équilibre d'ici fin 2026 sans réduire l'offre de soins de recours.",
            "status": "in_progress", "progress": 40, "weather": "orange",
            "pilot": {"organisation": "CHU-AMIENS", "person": "demo.chu.amiens"},
            "partners": [{"organisation": "ARS-HDF", "role": "partenaire"}],
            "start": "2023-01-01", "due": "2026-12-31",
            "milestones": [
                {"title": "Plan validé par le directoire", "due": "2023-04-30", "done_on": "2023-04-25"},
                {"title": "Revue à mi-parcours avec l'ARS", "due": "2025-04-15"},
                {"title": "Retour à l'équilibre d'exploitation", "due": "2026-12-31"},
            ],
            "budget": [
                {"source": "own_funds", "funder": "CHU-AMIENS", "year": 2023, "label": "Mission d'appui à la performance",
                 "planned": "48250.75", "committed": "48250.75", "paid": "30000"},
            ],
            "indicators": [
                {"label": "Déficit d'exploitation", "kind": "impact", "unit": "M€", "baseline": "18.4", "target": "0",
                 "target_date": "2026-12-31",
                 "values": [{"on": "2023-12-31", "value": "15.2"}, {"on": "2024-12-31", "value": "12.75"}]},
            ],
            "journal": [
                {"at": "2025-02-11T15:00:00Z", "author": "demo.som",
                 "text": "Dialogue de gestion : trajectoire tenue sur les achats, en retrait sur l'activité de chirurgie ambulatoire."},
            ],
        },
        {
            "code": "C05", "title": "Sécuriser le circuit du médicament par la conciliation médicamenteuse",
            "theme": "QUALITE",
            "objective": "Réaliser une conciliation médicamenteuse à l'admission pour la majorité des patients de 65 ans et plus hospitalisés en médecine.",
            "status": "done", "progress": 100, "done_on": "2024-11-29",
            "pilot": {"organisation": "CHU-AMIENS", "person": "demo.chu.amiens"},
            "partners": [{"organisation": "URPS-PHARM", "role": "partenaire"}],
            "start": "2023-04-01", "due": "2024-12-31",
            "milestones": [
                {"title": "Recrutement de deux préparateurs en pharmacie", "due": "2023-09-30", "done_on": "2023-10-02"},
                {"title": "Extension à tous les services de médecine", "due": "2024-06-30", "done_on": "2024-06-14"},
                {"title": "Évaluation des erreurs médicamenteuses évitées", "due": "2024-11-30", "done_on": "2024-11-29"},
            ],
            "budget": [
                {"source": "fir", "funder": "ARS-HDF", "year": 2023, "label": "Préparateurs en pharmacie",
                 "planned": "36000", "committed": "36000", "paid": "36000"},
            ],
            "indicators": [
                {"label": "Patients conciliés à l'admission", "kind": "output", "unit": "%", "baseline": "15",
                 "target": "60", "target_date": "2024-12-31",
                 "values": [{"on": "2023-12-31", "value": "32"}, {"on": "2024-12-31", "value": "61"}]},
            ],
            "journal": [
                {"at": "2024-12-03T09:30:00Z", "author": "demo.chu.amiens",
                 "text": "Objectif atteint : 61 % des patients conciliés ; l'organisation est pérennisée sur le budget de la pharmacie."},
            ],
        },
    ],
}

PERFORMANCE_CONTRACT = {
    "code": "CP-GHT-HC", "territory": "NHA", "kind": "performance_contract",
    "title": "Contrat de performance du GHT Hainaut-Cambrésis (illustration)",
    "status": "in_force", "start": "2024-01-01", "end": "2027-12-31", "signed_on": "2024-02-12",
    "actions": [
        {
            "code": "P01", "title": "Filière AVC de territoire : télé-AVC entre les sites du GHT",
            "theme": "PARCOURS",
            "objective": "Garantir à tout patient victime d'un AVC dans le Hainaut-Cambrésis un avis neurovasculaire en moins de 30 minutes, quel que soit le site d'arrivée.",
            "status": "in_progress", "progress": 45, "weather": "orange",
            "pilot": {"organisation": "GHT-HC", "person": "demo.ght.hc"},
            "partners": [{"organisation": "CH-VALENCIENNES", "role": "co-pilote"},
                         {"organisation": "CH-MAUBEUGE", "role": "partenaire"},
                         {"organisation": "CH-CAMBRAI", "role": "partenaire"}],
            "start": "2024-02-01", "due": "2025-12-31",
            "milestones": [
                {"title": "Astreinte neurovasculaire commune", "due": "2024-06-30", "done_on": "2024-07-02"},
                {"title": "Équipement télé-AVC des sites de Maubeuge et Cambrai", "due": "2025-03-14"},
                {"title": "Audit des délais de thrombolyse", "due": "2025-11-30"},
            ],
            "budget": [
                {"source": "fir", "funder": "ARS-HDF", "year": 2024, "label": "Équipements de télé-AVC",
                 "planned": "95000", "committed": "80000", "paid": "40000"},
                {"source": "own_funds", "funder": "GHT-HC", "year": 2024, "label": "Temps de neurologue d'astreinte",
                 "planned": "60000", "committed": "60000", "paid": "45000"},
            ],
            "indicators": [
                {"label": "Délai médian porte-aiguille", "kind": "outcome", "unit": "minutes", "baseline": "75",
                 "target": "45", "target_date": "2025-12-31",
                 "values": [{"on": "2024-12-31", "value": "62"}]},
            ],
            "journal": [
                {"at": "2024-07-03T09:30:00Z", "author": "demo.ght.hc",
                 "text": "Astreinte neurovasculaire commune en place depuis le 1er juillet ; planning partagé entre les trois sites."},
                {"at": "2025-03-20T14:00:00Z", "author": "demo.nha",
                 "text": "Copil du GHT : livraison des chariots de télé-AVC décalée, le jalon du 14/03/2025 n'est pas tenu."},
            ],
        },
        {
            "code": "P02", "title": "Fonction achats et pharmacie à usage intérieur mutualisées",
            "theme": "EFFICIENCE",
            "objective": "Mutualiser les marchés et l'approvisionnement pharmaceutique des établissements du GHT pour dégager 1,5 M€ de gains sur achats.",
            "status": "in_progress", "progress": 80, "weather": "green",
            "pilot": {"organisation": "GHT-HC", "person": "demo.ght.hc"},
            "partners": [{"organisation": "CH-VALENCIENNES", "role": "opérateur"}],
            "start": "2024-03-01", "due": "2025-04-18",
            "milestones": [
                {"title": "Cartographie des marchés", "due": "2024-05-31", "done_on": "2024-05-28"},
                {"title": "Groupement de commandes unique", "due": "2024-12-31", "done_on": "2025-01-08"},
                {"title": "Bilan des gains sur achats", "due": "2025-04-18"},
            ],
            "budget": [
                {"source": "own_funds", "funder": "GHT-HC", "year": 2024, "label": "Acheteur de territoire",
                 "planned": "55000", "committed": "55000", "paid": "40000"},
            ],
            "indicators": [
                {"label": "Gains sur achats", "kind": "outcome", "unit": "k€", "baseline": "0", "target": "1500",
                 "target_date": "2025-04-18", "values": [{"on": "2024-12-31", "value": "980"}]},
            ],
            "journal": [
                {"at": "2025-01-09T10:15:00Z", "author": "demo.ght.hc",
                 "text": "Groupement de commandes signé par les établissements ; bascule des premiers marchés au 1er février."},
            ],
        },
        {
            "code": "P03", "title": "Équipe médicale de territoire en anesthésie-réanimation",
            "theme": "ATTRACT",
            "objective": "Constituer une équipe d'anesthésistes partagée entre les sites du GHT pour sécuriser les plannings et attirer de jeunes praticiens.",
            "status": "todo", "progress": 0,
            "pilot": {"organisation": "GHT-HC", "person": "demo.ght.hc"},
            "partners": [{"organisation": "CH-CAMBRAI", "role": "partenaire"},
                         {"organisation": "ULILLE", "role": "partenaire"}],
            "start": "2025-01-15", "due": "2026-06-30",
            "milestones": [
                {"title": "Charte de l'équipe de territoire", "due": "2025-05-31"},
                {"title": "Premiers postes partagés", "due": "2025-11-03"},
            ],
            "budget": [
                {"source": "fir", "funder": "ARS-HDF", "year": 2025, "label": "Primes d'exercice territorial",
                 "planned": "60000", "committed": "0", "paid": "0"},
            ],
            "journal": [
                {"at": "2025-03-20T14:30:00Z", "author": "demo.nha",
                 "text": "Copil du GHT : démarrage repoussé, la commission médicale de groupement doit d'abord valider la charte."},
            ],
        },
        {
            "code": "P04", "title": "Dossier patient informatisé commun aux établissements du GHT",
            "theme": "QUALITE",
            "objective": "Déployer un dossier patient informatisé unique dans les établissements du GHT pour partager l'information médicale.",
            "status": "in_progress", "progress": 30, "weather": "green",
            "pilot": {"organisation": "GHT-HC", "person": "demo.ght.hc"},
            "partners": [{"organisation": "CH-CAMBRAI", "role": "partenaire"},
                         {"organisation": "ARS-HDF", "role": "financeur"}],
            "start": "2024-04-01", "due": "2026-12-31",
            "milestones": [
                {"title": "Choix de la solution", "due": "2024-09-30", "done_on": "2024-10-11"},
                {"title": "Déploiement pilote à Cambrai", "due": "2025-09-30"},
                {"title": "Généralisation aux autres sites", "due": "2026-12-31"},
            ],
            "budget": [
                {"source": "state", "funder": "ARS-HDF", "year": 2024, "label": "Ségur numérique",
                 "planned": "150000", "committed": "150000", "paid": "45000"},
                {"source": "own_funds", "funder": "GHT-HC", "year": 2025, "label": "Licences et reprise des données",
                 "planned": "200000", "committed": "120000", "paid": "60000"},
            ],
            "journal": [
                {"at": "2024-10-14T09:30:00Z", "author": "demo.ght.hc",
                 "text": "Solution retenue après l'audition de trois éditeurs ; le site de Cambrai sera pilote."},
            ],
        },
    ],
}

# --------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------

ORG_NAMES = {code: name for code, name, _, _ in ORGANISATIONS}
PERSON_OF_ORG: dict[str, str] = {}
for _code, _name, _org, _login in PEOPLE:
    PERSON_OF_ORG.setdefault(_org, _code)
LOGIN_OF = {code: login for code, _, _, login in PEOPLE}


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def fr(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def money(cents: int) -> str:
    """Euros as a jalon/1 decimal string: "45000", "12500.50"."""
    euros, rest = divmod(cents, 100)
    return str(euros) if rest == 0 else f"{euros}.{rest:02d}"


def round_down(cents: int, step_euros: int) -> int:
    step = step_euros * 100
    return cents // step * step


def email_of(name: str) -> str:
    table = str.maketrans("àâçéèêëîïôöûüœ", "aaceeeeiioouuo")
    slug = name.lower().translate(table).replace("'", "").replace("-", " ")
    return ".".join(slug.split()) + "@example.org"


def note(text: str, facts: dict) -> str:
    """A progress note from a catalogue sentence, French-style after a colon."""
    body = text.format(**facts)
    return "Point d'étape : " + body[0].lower() + body[1:]


def weekday(d: dt.date) -> dt.date:
    """Meetings happen on working days: a weekend date moves back to Friday."""
    return d - days(max(0, d.weekday() - 4))


def stamp(d: dt.date, rng: random.Random) -> str:
    return f"{d.isoformat()}T{rng.choice(HOURS)}:00Z"


def short(org: str) -> str:
    """How a note names an organisation: short, without the '(fictive)' tail."""
    if org.startswith("ARS-DD"):
        return "DD ARS " + ORG_NAMES[org].split("départementale ")[1]
    return ORG_NAMES[org].split(" (")[0]


def pilot_person(org: str, territory: str) -> str | None:
    if org == "ARS-DD59":
        return DD_AGENT[territory]
    return PERSON_OF_ORG.get(org)


def schedule(slot: str, opt: dict, rng: random.Random) -> dict:
    """Status, progress, weather and dates of one action at the reference day."""
    r = REFERENCE_DAY
    s: dict = {"slot": slot}
    if slot == "done_early":
        s["start"] = D("2023-09-01") + days(rng.randint(0, 75))
        s["due"] = D("2024-06-30") + days(rng.randint(-20, 150))
        s["done_on"] = s["due"] - days(rng.randint(0, 25))
        s["status"], s["progress"] = "done", 100
    elif slot == "done_recent":
        s["start"] = D("2023-10-01") + days(rng.randint(0, 120))
        s["done_on"] = r - days(rng.randint(12, 100))
        s["due"] = s["done_on"] + days(rng.randint(-12, 45))  # sometimes done a few days late
        s["status"], s["progress"] = "done", 100
    elif slot == "late":
        s["due"] = r - days(opt["late"])
        s["start"] = max(D("2023-09-15"), s["due"] - days(rng.randint(360, 480)))
        s["status"], s["progress"] = "in_progress", rng.randrange(55, 86, 5)
        s["weather"] = opt.get("weather", "red")
    elif slot == "soon":
        s["due"] = r + days(opt["soon"])
        s["start"] = D("2023-10-01") + days(rng.randint(0, 200))
        s["status"], s["progress"] = "in_progress", rng.randrange(75, 96, 5)
        s["weather"] = opt.get("weather", "green")
    elif slot == "ontrack":
        s["due"] = D(opt["due"])
        s["start"] = D("2023-10-01") + days(rng.randint(0, 300))
        elapsed = (r - s["start"]).days / (s["due"] - s["start"]).days
        s["status"] = "in_progress"
        s["progress"] = max(10, min(80, int(round(elapsed * 100 / 5 + rng.uniform(-2, 1))) * 5))
        s["weather"] = opt.get("weather", "green")
    elif slot == "todo_ms":
        s["first_ms"] = r - days(opt["ms_late"])
        s["start"] = s["first_ms"] - days(rng.randint(25, 45))
        s["due"] = D("2025-12-31") - days(rng.randint(0, 60))
        s["status"], s["progress"] = "todo", 0
    elif slot == "todo_future":
        s["start"] = r + days(opt["start_in"])
        s["due"] = ROADMAP_END
        s["status"], s["progress"] = "todo", 0
    elif slot == "on_hold":
        s["start"] = D("2024-01-15") + days(rng.randint(0, 150))
        s["due"] = r - days(opt["late"]) if "late" in opt else D(opt["due"])
        s["status"], s["progress"] = "on_hold", rng.randrange(15, 41, 5)
        s["weather"] = "red" if "late" in opt else "orange"
    elif slot == "abandoned":
        s["start"] = D("2023-10-01") + days(rng.randint(0, 150))
        s["due"] = D("2025-06-30") - days(rng.randint(0, 150))
        s["dropped_on"] = D("2024-10-01") + days(rng.randint(0, 140))
        s["status"], s["progress"] = "abandoned", rng.randrange(10, 31, 5)
    else:
        raise ValueError(slot)
    return s


def spread(first: dt.date, last: dt.date, n: int) -> list[dt.date]:
    """n dates from first to last inclusive, evenly spaced."""
    if n == 1:
        return [last]
    step = (last - first).days / (n - 1)
    return [first + days(round(i * step)) for i in range(n)]


def milestones(titles: list[str], s: dict, opt: dict, rng: random.Random) -> list[dict]:
    slot, r = s["slot"], REFERENCE_DAY
    n = {"done_early": 4, "done_recent": 3, "late": 3, "soon": 3, "ontrack": 4, "todo_ms": 3,
         "todo_future": 2, "on_hold": 3, "abandoned": 3}[slot]
    picked = titles[: n - 1] + [titles[-1]]
    start, due = s["start"], s["due"]
    out = []
    if slot in ("done_early", "done_recent"):
        end = min(due, s["done_on"])
        for i, d in enumerate(spread(start + days(30), end, n)):
            done = s["done_on"] if i == n - 1 else min(s["done_on"], d + days(rng.randint(-5, 10)))
            out.append((d, done))
    elif slot in ("ontrack", "soon"):
        for d in spread(start + days(30), due, n):
            out.append((d, min(r - days(1), d + days(rng.randint(-6, 9))) if d < r else None))
    elif slot == "late":
        miss = opt.get("ms_miss", 1)  # how many of the last milestones are missed
        for i, d in enumerate(spread(start + days(30), due, n)):
            out.append((d, None if i >= n - miss else d + days(rng.randint(-4, 8))))
    elif slot == "todo_ms":
        out.append((s["first_ms"], None))
        for d in spread(r + days(rng.randint(30, 75)), due, n - 1):
            out.append((d, None))
    elif slot == "todo_future":
        for d in spread(start + days(45), due, n):
            out.append((d, None))
    elif slot == "on_hold":
        first = start + days(rng.randint(30, 60))
        out.append((first, first + days(rng.randint(0, 6))))
        if "late" in opt:  # suspended long ago: the next milestone was missed too
            for d in spread(first + days(120), due, n - 1):
                out.append((d, None))
        else:  # rescheduled after the suspension
            for d in spread(r + days(rng.randint(45, 90)), due, n - 1):
                out.append((d, None))
    elif slot == "abandoned":
        for i, d in enumerate(spread(start + days(30), due, n)):
            out.append((d, d + days(rng.randint(0, 7)) if i == 0 else None))
    result = []
    for title, (d, done) in zip(picked, out):
        m = {"title": title, "due": d.isoformat()}
        if done is not None:
            m["done_on"] = done.isoformat()
        result.append(m)
    return result


SEMESTER_ENDS = [D("2023-12-31"), D("2024-06-30"), D("2024-12-31"), D("2025-03-31")]


def fmt_decimal(x: float, unit: str) -> str:
    if unit == "%":
        v = round(x, 1)
        return str(int(v)) if v == int(v) else str(v)
    return str(int(round(x)))


def indicators(templates: list, s: dict, rng: random.Random) -> list[dict]:
    slot = s["slot"]
    if slot in ("todo_future", "abandoned"):
        return []
    count = 1 if slot in ("todo_ms", "on_hold") else len(templates)
    out = []
    end = s.get("done_on") or REFERENCE_DAY
    for label, kind, unit, base, target in templates[:count]:
        ind = {"label": label, "kind": kind, "unit": unit, "baseline": str(base), "target": str(target),
               "target_date": s["due"].isoformat()}
        values = []
        if s["status"] != "todo":
            dates = [d for d in SEMESTER_ENDS if s["start"] + days(90) <= d <= end][-3:]
            span = max(1, (end - s["start"]).days)
            reached = 1.0 if s["status"] == "done" else s["progress"] / 100
            for d in dates:
                frac = reached * (d - s["start"]).days / span
                if s["status"] == "done" and d == dates[-1]:
                    frac = rng.uniform(0.95, 1.15)
                values.append({"on": d.isoformat(), "value": fmt_decimal(base + (target - base) * frac, unit)})
        if values:
            ind["values"] = values
        out.append(ind)
    return out


def budget_year(s: dict) -> int:
    start, due = s["start"], s["due"]
    y = start.year if start.month < 10 else start.year + 1
    return max(start.year, min(y, due.year))


def execution(planned: int, slot: str, rng: random.Random) -> tuple[int, int]:
    c_ratio, p_ratio = EXECUTION[slot]
    if slot == "ontrack":
        c_ratio, p_ratio = c_ratio + rng.uniform(-0.1, 0.1), p_ratio + rng.uniform(-0.1, 0.1)
    committed = round_down(int(planned * c_ratio), 100)
    paid = round_down(int(committed * p_ratio), 100)
    return committed, paid


def fir_amounts(territory: str, rows: list, allocation: int, share: float) -> dict[str, int]:
    """Planned FIR cents per action code: the territory's share of its allocation,
    spread by catalogue weight, in steps of 500 €, each line between 10 k€ and 120 k€."""
    fixed = {code: 120000 * 100 for code, cat, *_ in rows if cat == "CAT-16"}
    weights = {}
    for code, cat, slot, *_ in rows:
        if code in fixed:
            continue
        w = (CATALOGUE[cat] if cat else LOCAL[territory])["weight"]
        weights[code] = w * (0.3 if slot == "abandoned" else 1.0)
    target = int(allocation * share) * 100 - sum(fixed.values())
    total_w = sum(weights.values())
    amounts = {c: min(12_000_000, max(1_000_000, round_down(int(target * w / total_w), 500)))
               for c, w in weights.items()}
    biggest = max(amounts, key=amounts.get)
    amounts[biggest] += round_down(target - sum(amounts.values()), 500)
    return {**amounts, **fixed}


def budget_lines(territory: str, code: str, tpl: dict, s: dict, planned: int, pilot: str,
                 opt: dict, rng: random.Random) -> list[dict]:
    slot = s["slot"]
    year = budget_year(s)
    lines = []
    committed, paid = execution(planned, slot, rng)
    if "fir_exec" in opt:  # amounts written out in the row (euros)
        committed, paid = (x * 100 for x in opt["fir_exec"])
    if tpl.get("cofin") is None and slot in ("ontrack", "late") and s["due"].year > year and planned >= 4_000_000:
        # A long action funded over two years: the first year is committed first.
        p1 = round_down(planned * 55 // 100, 500)
        parts = [(year, p1), (year + 1, planned - p1)]
    else:
        parts = [(year, planned)]
    left_c, left_p = committed, paid
    for y, p in parts:
        c = min(p, left_c)
        pd = min(c, left_p)
        left_c, left_p = left_c - c, left_p - pd
        label = tpl["fir"] if len(parts) == 1 else f"{tpl['fir']} ({y})"
        if slot == "abandoned":
            label += " : avance versée avant l'abandon"
        lines.append({"source": "fir", "envelope": ENVELOPE["code"], "funder": "ARS-HDF", "year": y,
                      "label": label, "planned": money(p), "committed": money(c), "paid": money(pd)})
    if opt.get("paid_over"):
        lines[0]["paid"] = money(int(lines[0]["committed"]) * 100 + PAID_OVER_EUROS * 100)
    cofin = tpl.get("cofin")
    if cofin and slot not in ("todo_future", "abandoned") and (slot != "todo_ms" or rng.random() < 0.5):
        source, role, label, kmin, kmax = cofin
        funder = {"pilot": pilot, "region": "REGION-HDF", "state_sc": "AGENCE-SC"}.get(role) \
            or FUNDERS[territory][role]
        p = rng.randint(kmin * 2, kmax * 2) * 500 * 100
        c, pd = execution(p, slot, rng)
        if source == "own_funds":  # in-kind contributions are tracked as planned only
            c = pd = 0
        lines.append({"source": source, "funder": funder, "year": year, "label": label,
                      "planned": money(p), "committed": money(c), "paid": money(pd)})
    for source, funder, label, p, c, pd in opt.get("extra_budget", []):
        lines.append({"source": source, "funder": funder, "year": year, "label": label,
                      "planned": str(p), "committed": str(c), "paid": str(pd)})
    return lines


def journal(territory: str, tpl: dict, s: dict, ms: list[dict], pilot: str, partners: list,
            opt: dict, rng: random.Random) -> list[dict]:
    r, slot = REFERENCE_DAY, s["slot"]
    agent = DD_AGENT[territory]
    pilot_login = LOGIN_OF.get(pilot_person(pilot, territory) or "")
    entries: list[tuple[dt.date, str, str]] = []
    names = " ; ".join(short(p) for p, _ in partners[:2])
    facts = {"n": rng.randint(12, 140), "m": rng.randint(3, 9)}
    if s["start"] < r and s["status"] != "todo":
        d = min(r - days(2), s["start"] + days(rng.randint(6, 25)))
        entries.append((d, agent, rng.choice(JOURNAL_LAUNCH).format(partners=names, pilot=short(pilot))))
    next_ms = next((m["title"] for m in ms if "done_on" not in m), ms[-1]["title"])
    last_done = next((m["title"] for m in reversed(ms) if "done_on" in m), ms[0]["title"])
    fill = dict(reason=opt.get("reason", ""), due=fr(s["due"]), start=fr(s["start"]), pct=s["progress"],
                ms=next_ms)
    if slot in ("done_early", "done_recent"):
        d = min(r - days(1), s["done_on"] + days(rng.randint(2, 20)))
        entries.append((s["done_on"] - days(rng.randint(40, 90)), pilot_login or agent,
                        note(rng.choice(tpl["notes"]), facts)))
        entries.append((d, agent, rng.choice(JOURNAL_DONE)))
    elif slot == "late":
        d = weekday(r - days(rng.randint(2, 12)))
        entries.append((d - days(rng.randint(60, 90)), pilot_login or agent,
                        note(tpl["notes"][0], facts)))
        entries.append((d, agent, rng.choice(JOURNAL_LATE).format(d=fr(d), **fill)))
    elif slot == "soon":
        d = weekday(r - days(rng.randint(4, 25)))
        entries.append((d, agent, rng.choice(JOURNAL_SOON).format(d=fr(d), **{**fill, "ms": last_done})))
        if pilot_login:
            entries.append((d - days(rng.randint(50, 80)), pilot_login,
                            note(tpl["notes"][0], facts)))
    elif slot == "ontrack":
        d = weekday(r - days(rng.randint(10, 50)))
        entries.append((d - days(rng.randint(60, 120)), pilot_login or agent,
                        note(rng.choice(tpl["notes"]), facts)))
        entries.append((d, agent, rng.choice(JOURNAL_ONTRACK).format(d=fr(d), **fill)))
    elif slot == "todo_ms":
        entries.append((s["start"] - days(rng.randint(20, 40)), agent, rng.choice(JOURNAL_TODO_FUTURE).format(**fill)))
        first = ms[0]
        d = min(r - days(1), D(first["due"]) + days(rng.randint(3, 15)))
        entries.append((d, agent, rng.choice(JOURNAL_TODO_MS).format(ms=first["title"], msd=fr(D(first["due"])))))
    elif slot == "todo_future":
        d = weekday(r - days(rng.randint(15, 70)))
        entries.append((d, agent, rng.choice(JOURNAL_TODO_FUTURE).format(**fill)))
    elif slot == "on_hold":
        d = weekday(r - days(rng.randint(20, 80)))
        text = JOURNAL_ON_HOLD_LATE if "late" in opt else JOURNAL_ON_HOLD
        entries.append((d, agent, text.format(**fill)))
    elif slot == "abandoned":
        d = weekday(s["dropped_on"])
        entries.append((d, agent, JOURNAL_ABANDONED.format(d=fr(d), **fill)))
    if slot in ("late", "soon") or (slot == "ontrack" and rng.random() < 0.3):
        entries.append((r - days(rng.randint(1, 3)), "demo.region", rng.choice(JOURNAL_REVIEW)))
    if s["status"] != "todo":  # no progress note before the action started
        entries = [e for e in entries if e[0] >= s["start"]]
    stamped = sorted((stamp(weekday(min(d, r - days(1))), rng), a, t) for d, a, t in entries)
    return [{"at": at, "author": a, "text": t} for at, a, t in stamped]


def roadmap_action(territory: str, dans: str, du: str, row: tuple, planned: int) -> dict:
    code, cat, slot, title, pilot, partners, opt = row
    plan_code = f"FDR-{territory}"
    rng = random.Random(f"{SEED}/{plan_code}/{code}")
    tpl = CATALOGUE[cat] if cat else LOCAL[territory]
    s = schedule(slot, opt, rng)
    ms = milestones(tpl["milestones"], s, opt, rng)
    a: dict = {"code": code, "title": title}
    if cat:
        a["catalogue"] = cat
    a["theme"] = tpl["theme"]
    a["objective"] = opt.get("objective") or tpl["objective"].format(dans=dans, du=du)
    a["status"] = s["status"]
    a["progress"] = s["progress"]
    if "weather" in s:
        a["weather"] = s["weather"]
    a["pilot"] = {"organisation": pilot}
    person = pilot_person(pilot, territory)
    if person:
        a["pilot"]["person"] = person
    a["partners"] = [{"organisation": o, "role": role} for o, role in partners]
    a["start"] = s["start"].isoformat()
    a["due"] = s["due"].isoformat()
    if "done_on" in s:
        a["done_on"] = s["done_on"].isoformat()
    a["milestones"] = ms
    a["budget"] = budget_lines(territory, code, tpl, s, planned, pilot, opt, rng)
    inds = indicators(tpl["indicators"], s, rng)
    if inds:
        a["indicators"] = inds
    a["journal"] = journal(territory, tpl, s, ms, pilot, partners, opt, rng)
    return a


def apply_cents(plans: list[dict]) -> None:
    by_key = {(p["code"], a["code"]): a for p in plans for a in p["actions"]}
    for plan, action, index, field, delta in CENTS:
        line = by_key[(plan, action)]["budget"][index]
        whole = round(float(line[field]) * 100)
        line[field] = money(whole + delta)


def build() -> dict:
    plans = []
    for code, name, _depts, dans, du, allocation, share, status, signed in TERRITORIES:
        rows = ROADMAPS[code]
        amounts = fir_amounts(code, rows, allocation, share)
        plan = {"code": f"FDR-{code}", "territory": code, "kind": "cts_roadmap",
                "title": f"Feuille de route territoriale CNR santé – {name} (illustration)",
                "status": status, "start": ROADMAP_START.isoformat(), "end": ROADMAP_END.isoformat()}
        if signed:
            plan["signed_on"] = signed
        plan["envelope"] = ENVELOPE["code"]
        plan["allocation"] = str(allocation)
        plan["actions"] = [roadmap_action(code, dans, du, row, amounts[row[0]]) for row in rows]
        plans.append(plan)
    plans += [CPOM, PERFORMANCE_CONTRACT]
    apply_cents(plans)

    people = []
    for code, name, org, login in PEOPLE:
        p = {"code": code, "name": name, "organisation": org, "email": email_of(name)}
        if org.startswith("ARS-"):
            p["phone"] = "03 00 00 00 " + f"{len(people):02d}"
        if login:
            p["login"] = login
        people.append(p)

    organisations = []
    for code, name, kind, territory in ORGANISATIONS:
        o = {"code": code, "name": name, "kind": kind}
        if territory:
            o["territory"] = territory
        organisations.append(o)

    add_copil(plans)

    return {
        "format": "jalon/1",
        "region": REGION,
        "themes": [{"code": c, "label": label} for c, label in THEMES],
        "territories": [{"code": c, "name": n, "departments": d} for c, n, d, *_ in TERRITORIES],
        "organisations": organisations,
        "people": people,
        "envelopes": [ENVELOPE],
        "catalogue": [{"code": c, "title": t["title"], "theme": t["theme"], "description": t["description"]}
                      for c, t in CATALOGUE.items()],
        "plans": plans,
        "meetings": [COPIL_AIS],
    }


# The Aisne copil held a fortnight before the reference day, and two decisions taken
# at it (meetings and decisions: issue 11). The decisions go into the actions'
# journals in time order.
COPIL_AIS = {
    "code": "COPIL-AIS-SUIVI",
    "territory": "AIS",
    "plan": "FDR-AIS",
    "body": "copil",
    "date": "2025-03-17",
    "title": "Copil de suivi de la feuille de route de l'Aisne",
    "attendees": "ARS (délégation de l'Aisne), CPAM de l'Aisne, Conseil départemental, "
                 "URPS Médecins libéraux, CH de Laon",
}
COPIL_DECISIONS = {
    "A03": "Décision du copil : prolonger l'action de six mois ; la CPAM présentera le bilan "
           "des premières adhésions au prochain copil.",
    "A07": "Décision du copil : conventionner avec le CH de Laon avant l'été et ouvrir la "
           "régulation libérale le week-end dès la signature.",
}


def add_copil(plans: list[dict]) -> None:
    plan = next(p for p in plans if p["code"] == COPIL_AIS["plan"])
    for a in plan["actions"]:
        text = COPIL_DECISIONS.get(a["code"])
        if text:
            a["journal"].append({"at": "2025-03-17T16:00:00Z", "author": "demo.ais", "text": text,
                                 "kind": "decision", "meeting": COPIL_AIS["code"]})
            a["journal"].sort(key=lambda e: e["at"])


def main() -> None:
    doc = build()
    OUTPUT.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    n_actions = sum(len(p["actions"]) for p in doc["plans"])
    print(f"{OUTPUT.name}: {len(doc['plans'])} plans, {n_actions} actions")


if __name__ == "__main__":
    main()
