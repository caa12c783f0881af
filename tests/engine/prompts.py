"""Realistic prompts shared by the engine's unit tests, integration tests and benchmark."""

from __future__ import annotations

PRD = """# Acme Rentals

Internal tool for renting equipment.

## Data model

### Equipment
- name: string (required)
- daily_rate: decimal (required, min 0)
- serial_number: string (required, unique)
- notes: text

### Renter
| field | type | notes |
|-------|------|-------|
| full_name | string | required |
| email | email | required |
| phone | string | |

### Rental
- equipment_id: references Equipment (required)
- renter_id: references Renter (required)
- start_date: date (required)
- end_date: date
- status: enum(open, returned, late) (required)

## Features
- search
"""

PROMPTS: list[str] = [
    "a task manager",
    "A simple todo app where tasks have a title, due date and priority",
    "an online shop with products, categories, customers and orders",
    "Quiero una tienda con productos, categorías, clientes y pedidos. Los productos tienen nombre, precio y stock.",
    "a library where members borrow books",
    "Una biblioteca donde los socios toman prestados libros",
    "a CRM for a small agency to track companies, contacts and deals, with a dashboard",
    "an inventory system for a warehouse with suppliers and stock movements",
    "booking app for a hair salon: customers book services, fondo negro y botones verdes",
    "Una app de citas para una clínica con pacientes y médicos",
    "a recipe collection where each recipe belongs to a category, dark theme",
    "an events platform with venues, events and attendees, attendees can sign up and log in",
    "helpdesk ticketing system with agents and replies, search and priority",
    "an online course platform (LMS) with instructors, courses, lessons and enrollments",
    "invoicing app for freelancers: clients, invoices and payments, primary color #ff5722",
    "gestión de facturas para mi empresa con clientes y pagos",
    "a real estate listings site with agents, properties and viewings, contact form",
    "Una web para una inmobiliaria con propiedades y visitas",
    "a job board where companies post jobs and candidates apply",
    "a community forum with categories, topics and replies",
    "a polls app where people vote on questions",
    "an expense tracker with categories and monthly budgets, charts",
    "personal budgeting tool that tracks expenses and income across bank accounts",
    "gym management: members, trainers, workouts and exercises",
    "a restaurant ordering system with menu items, tables and orders, customers pay online with Stripe",
    "hotel reservations with rooms and guests, background navy",
    "a school gradebook: students, teachers, subjects and grades",
    "a notes app with notebooks and tags",
    "an address book to keep my contacts",
    "project management tool with projects, milestones, tasks and team members, dashboard",
    "HR app for employees to clock in and out, with departments and leave requests",
    "Control de fichajes de empleados con departamentos",
    "fleet management for a delivery company: vehicles, drivers, trips and maintenance",
    "a veterinary clinic for pets and their owners with visits and vaccinations",
    "a music catalogue with artists, albums, songs and playlists",
    "movie reviews site where users rate films",
    "trip planner for travel itineraries with activities",
    "a donations platform for a charity with campaigns and donors, online payments",
    "Gestor de tareas con proyectos. Cada tarea pertenece a un proyecto. Tema oscuro.",
    "an app to manage products with name, price and stock, and each order belongs to a customer",
    "a sports league with teams, players and matches",
    "a meal planner that tracks calories",
    "A customer has many orders. Products have a name, a price and a sku.",
    PRD,
]

UNSUPPORTED: list[str] = [
    "a 3D first-person shooter game with multiplayer levels",
    "a C compiler that outputs x86 assembly",
    "an iOS-only app for my iPhone built with SwiftUI",
    "train a neural network to classify images of cats",
    "a photo editor with layers, filters and brushes",
    "un videojuego de plataformas donde los jugadores saltan entre niveles",
    "an operating system kernel for ARM boards",
    "a puzzle game where players match colourful gems to score points",
    "Hotel Tycoon is a management game where players run a virtual hotel",
    "an arena where players engage in battles with weapons and power-ups",
]
